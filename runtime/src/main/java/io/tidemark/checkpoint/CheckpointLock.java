package io.tidemark.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exclusive ownership of a checkpoint directory: {@code _lock} holds the owner (host, pid, start time)
 * and a heartbeat that the owner rewrites every third of the lease. Another instance is refused while
 * the heartbeat is younger than the lease; an older heartbeat means the owner died, and its lock is
 * taken over with a warning. Heartbeats are wall-clock times: the lease spans processes and machines,
 * whatever clock drives the pipeline's batches.
 *
 * <p>Two instances starting in the same instant can both see no live owner; the lease only protects a
 * running instance from a second one started later.
 */
final class CheckpointLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointLock.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final CheckpointStore store;
  private final Owner owner;
  private final ScheduledExecutorService heartbeat;

  /** Who holds the lock, as the {@code _lock} file records it. */
  record Owner(String host, long pid, long startedAtMillis) {

    static Owner ofThisProcess() {
      String host;
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "unknown-host";
      }
      return new Owner(host, ProcessHandle.current().pid(), ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    @Override
    public String toString() {
      return "pid " + pid + " on " + host + " (started " + Instant.ofEpochMilli(startedAtMillis) + ")";
    }
  }

  private CheckpointLock(CheckpointStore store, Owner owner, Duration lease) {
    this.store = store;
    this.owner = owner;
    long beatMillis = Math.max(1, lease.toMillis() / 3);
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "tidemark-checkpoint-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    heartbeat.scheduleWithFixedDelay(this::beat, beatMillis, beatMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Fails unless the directory is free: no {@code _lock}, or one whose heartbeat is older than {@code
   * lease}. Writes nothing.
   *
   * @throws CheckpointException naming the live owner
   */
  static void checkFree(CheckpointStore store, Duration lease) {
    if (!store.exists(store.lockFile())) {
      return;
    }
    Held held = read(store);
    if (held != null && held.ageMillis() < lease.toMillis()) {
      throw new CheckpointException("The checkpoint directory " + store.location() + " is in use by " + held.owner()
          + ", whose last heartbeat was " + held.ageMillis() + " ms ago (lease " + lease.toMillis() + " ms). Stop that"
          + " instance first; if it has died, a restart after the lease has expired takes the directory over");
    }
  }

  /** Takes the directory (taking over a lock whose lease expired) and starts the heartbeat. */
  static CheckpointLock acquire(CheckpointStore store, Duration lease) {
    checkFree(store, lease);
    if (store.exists(store.lockFile())) {
      Held held = read(store);
      LOG.warn("Taking over the checkpoint directory {}: its lock {} has had no heartbeat for {} ms, longer than the"
          + " lease of {} ms", store.location(), held == null ? "(unreadable)" : "of " + held.owner(),
          held == null ? "?" : held.ageMillis(), lease.toMillis());
    }
    Owner owner = Owner.ofThisProcess();
    write(store, owner);
    return new CheckpointLock(store, owner, lease);
  }

  private record Held(Owner owner, long heartbeatMillis) {

    long ageMillis() {
      return System.currentTimeMillis() - heartbeatMillis;
    }
  }

  /** The lock's content, or null when it is unreadable (as a lock half-written by a crash may be). */
  private static Held read(CheckpointStore store) {
    try {
      JsonNode node = MAPPER.readTree(store.read(store.lockFile()));
      return new Held(new Owner(node.get("host").asText(), node.get("pid").asLong(), node.get("startedAt").asLong()),
          node.get("heartbeat").asLong());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static void write(CheckpointStore store, Owner owner) {
    byte[] json = MAPPER.createObjectNode()
        .put("host", owner.host())
        .put("pid", owner.pid())
        .put("startedAt", owner.startedAtMillis())
        .put("heartbeat", System.currentTimeMillis())
        .toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    store.writeAtomically(store.lockFile(), json);
  }

  private void beat() {
    try {
      write(store, owner);
    } catch (CheckpointException e) {
      LOG.warn("Cannot refresh the checkpoint lock; another instance may take the directory over", e);
    }
  }

  /** Stops the heartbeat and removes the lock. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      heartbeat.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.delete(store.lockFile());
  }
}
