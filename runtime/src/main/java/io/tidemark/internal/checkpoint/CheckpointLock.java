package io.tidemark.internal.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.checkpoint.CheckpointException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exclusive ownership of a checkpoint directory. {@code _lock} is created exclusively (of instances
 * starting at the same instant, exactly one creates it) and holds the owner (host, pid, start time) and
 * a token naming this ownership; its modification time is the heartbeat, which the owner touches every
 * third of the lease, so the file is never replaced while owned. Another instance is refused while the
 * heartbeat is younger than the lease; an older heartbeat means the owner died, and the lock is taken
 * over with a warning.
 *
 * <p>A takeover first creates {@code _lock.takeover} exclusively, so of instances finding the same
 * stale lock only one replaces it; it re-reads the lock under that guard, so a lock that was taken over
 * meanwhile is never deleted. Heartbeats are wall-clock times: the lease spans processes and machines,
 * whatever clock drives the pipeline's batches.
 */
final class CheckpointLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointLock.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final CheckpointStore store;
  private final String token;
  private final ScheduledExecutorService heartbeat;
  private final CheckpointStatistics statistics;

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

  private CheckpointLock(CheckpointStore store, String token, Duration lease, CheckpointStatistics statistics) {
    this.store = store;
    this.statistics = statistics;
    this.token = token;
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
    Held held = Held.read(store, store.lockFile());
    if (held != null && held.isLive(lease)) {
      throw inUse(store, held, lease);
    }
  }

  private static CheckpointException inUse(CheckpointStore store, Held held, Duration lease) {
    return new CheckpointException("The checkpoint directory " + store.location() + " is in use by "
        + (held.owner() == null ? "an instance that is writing its lock" : held.owner()) + ", whose last heartbeat was "
        + held.ageMillis() + " ms ago (lease " + lease.toMillis() + " ms). Stop that instance first; if it has died, a"
        + " restart after the lease has expired takes the directory over");
  }

  /**
   * Takes the directory, taking over a lock whose lease expired, and starts the heartbeat.
   *
   * @throws CheckpointException naming the owner if another instance holds the directory or won the race for it
   */
  static CheckpointLock acquire(CheckpointStore store, Duration lease, CheckpointStatistics statistics) {
    String token = UUID.randomUUID().toString();
    Owner owner = Owner.ofThisProcess();
    byte[] content = content(owner, token);
    Path lock = store.lockFile();
    if (!store.createExclusively(lock, content)) {
      Held held = Held.read(store, lock);
      if (held == null) { // released between the two calls: whoever creates it next owns it
        if (!store.createExclusively(lock, content)) {
          throw raceLost(store);
        }
      } else if (held.isLive(lease)) {
        throw inUse(store, held, lease);
      } else {
        takeOver(store, held, content, lease);
      }
    }
    statistics.locked(owner.toString(), lease.toMillis());
    return new CheckpointLock(store, token, lease, statistics);
  }

  private static CheckpointException raceLost(CheckpointStore store) {
    Held winner = Held.read(store, store.lockFile());
    return new CheckpointException("Another instance took the checkpoint directory " + store.location() + " at the"
        + " same moment" + (winner == null || winner.owner() == null ? "" : ": " + winner.owner()) + ". Stop it"
        + " first, or use another directory");
  }

  /** Replaces the stale lock {@code stale} with ours, guarded by {@code _lock.takeover}. */
  private static void takeOver(CheckpointStore store, Held stale, byte[] content, Duration lease) {
    Path guard = store.lockTakeoverFile();
    if (!store.createExclusively(guard, content)) {
      Held other = Held.read(store, guard);
      if (other != null && other.isLive(lease)) {
        throw raceLost(store);
      }
      // a takeover that crashed half-way left its guard; it is as stale as the lock it was replacing
      store.delete(guard);
      if (!store.createExclusively(guard, content)) {
        throw raceLost(store);
      }
    }
    try {
      Held now = Held.read(store, store.lockFile());
      if (now != null && (now.isLive(lease) || !now.sameAs(stale))) {
        throw raceLost(store); // taken over by another instance between our read and our guard
      }
      LOG.warn("Taking over the checkpoint directory {}: its lock {} has had no heartbeat for {} ms, longer than the"
          + " lease of {} ms", store.location(), stale.owner() == null ? "(unreadable)" : "of " + stale.owner(),
          stale.ageMillis(), lease.toMillis());
      store.delete(store.lockFile());
      if (!store.createExclusively(store.lockFile(), content)) {
        throw raceLost(store);
      }
    } finally {
      store.delete(guard);
    }
  }

  private static byte[] content(Owner owner, String token) {
    return MAPPER.createObjectNode()
        .put("host", owner.host())
        .put("pid", owner.pid())
        .put("startedAt", owner.startedAtMillis())
        .put("token", token)
        .toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A lock file as found: its owner (null when unreadable, as a lock still being written is), its token,
   * and its heartbeat (modification time).
   */
  private record Held(Owner owner, String token, long heartbeatMillis) {

    /** The lock at {@code file}, or null if there is none. */
    static Held read(CheckpointStore store, Path file) {
      FileStatus status = store.status(file);
      if (status == null) {
        return null;
      }
      try {
        JsonNode node = MAPPER.readTree(store.read(file));
        return new Held(new Owner(node.get("host").asText(), node.get("pid").asLong(), node.get("startedAt").asLong()),
            node.path("token").asText(""), status.getModificationTime());
      } catch (IOException | RuntimeException e) {
        return new Held(null, "", status.getModificationTime());
      }
    }

    long ageMillis() {
      return System.currentTimeMillis() - heartbeatMillis;
    }

    boolean isLive(Duration lease) {
      return ageMillis() < lease.toMillis();
    }

    boolean sameAs(Held other) {
      return token.equals(other.token) && heartbeatMillis == other.heartbeatMillis;
    }
  }

  private void beat() {
    try {
      store.touch(store.lockFile());
      statistics.heartbeat();
    } catch (CheckpointException e) {
      LOG.warn("Cannot refresh the checkpoint lock; another instance may take the directory over", e);
    }
  }

  /** Stops the heartbeat and removes the lock, unless another instance took it over meanwhile. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      heartbeat.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Held held = Held.read(store, store.lockFile());
    if (held != null && held.token().equals(token)) {
      store.delete(store.lockFile());
    } else {
      LOG.warn("The lock of {} is no longer this instance's (its heartbeat stalled longer than the lease and another"
          + " instance took the directory over); leaving it", store.location());
    }
  }
}
