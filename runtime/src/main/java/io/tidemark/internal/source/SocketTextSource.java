package io.tidemark.internal.source;

import io.tidemark.schema.Serializer;
import io.tidemark.schema.Serializers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lines of text from a TCP server. A receiver thread connects (retrying while the server is not up),
 * reads lines, and stores them as blocks: in memory ({@link ReceivedBlockTracker}), or, when the context
 * has a write-ahead log, logged first ({@link LoggedBlockTracker}); each batch is planned with the
 * blocks received since the previous one. With {@code maxRate}, at most that many lines are received
 * per second of the pipeline's clock. When the server closes the connection the receiver ends.
 */
public final class SocketTextSource implements InputSource<String, ReceivedInput> {

  private static final Logger LOG = LoggerFactory.getLogger(SocketTextSource.class);
  private static final int MAX_BLOCK_LINES = 10_000;
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final long RETRY_MILLIS = 1_000;
  /** A block's lines as the write-ahead log holds them. */
  private static final Serializer<List<String>> LINES = Serializers.list(Serializers.strings());

  private final String host;
  private final int port;
  private final long maxRatePerSecond;
  private volatile ReceivedBlockStore<String> blocks = new ReceivedBlockTracker<>();
  private volatile boolean stopped;
  private volatile Socket socket;
  private volatile long blocksReceived;
  private Thread receiver;

  /** @param maxRatePerSecond lines per second, or 0 for no limit */
  public SocketTextSource(String host, int port, long maxRatePerSecond) {
    this.host = host;
    this.port = port;
    this.maxRatePerSecond = maxRatePerSecond;
  }

  @Override
  public String kind() {
    return "socket";
  }

  @Override
  public synchronized void start(SourceContext context) {
    context.writeAheadLog().ifPresent(log -> blocks = new LoggedBlockTracker<>(log, LINES));
    receiver = new Thread(() -> receive(context), "tidemark-receiver-" + context.sourceId());
    receiver.setDaemon(true);
    receiver.start();
  }

  private void receive(SourceContext context) {
    RateLimiter limiter = maxRatePerSecond > 0 ? new RateLimiter(context.clock(), maxRatePerSecond) : null;
    long received = 0;
    while (!stopped) {
      List<String> block = new ArrayList<>();
      try (Socket s = new Socket()) {
        socket = s;
        s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
          if (limiter != null && !limiter.tryAcquire()) {
            received = store(block, received, context); // what came before the wait belongs to earlier batches
            block = new ArrayList<>();
            limiter.acquire();
          }
          block.add(line);
          if (!in.ready() || block.size() >= MAX_BLOCK_LINES) {
            received = store(block, received, context);
            block = new ArrayList<>();
          }
        }
        store(block, received, context);
        LOG.info("{}:{} closed the connection; receiver {} ends", host, port, context.sourceId());
        return;
      } catch (IOException e) {
        store(block, received, context);
        if (stopped) {
          return;
        }
        LOG.warn("Receiver {} cannot read {}:{} ({}); retrying in {} ms", context.sourceId(), host, port, e.toString(),
            RETRY_MILLIS);
        if (!pause()) {
          return;
        }
      } catch (InterruptedException e) {
        store(block, received, context);
        return;
      }
    }
  }

  private long store(List<String> block, long receivedBefore, SourceContext context) {
    if (block.isEmpty()) {
      return receivedBefore;
    }
    blocks.add(block);
    blocksReceived++; // the receiver thread is the only writer
    long received = receivedBefore + block.size();
    context.reportReceived(received);
    return received;
  }

  private boolean pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /** The server read, {@code host:port}. */
  public String address() {
    return host + ":" + port;
  }

  /** The most lines received per second; 0 for no limit. */
  public long maxRatePerSecond() {
    return maxRatePerSecond;
  }

  /** The blocks stored since this run started. */
  public long blocksReceived() {
    return blocksReceived;
  }

  /** Whether received blocks go to the write-ahead log before they count as received. */
  public boolean writeAheadLogged() {
    return blocks instanceof LoggedBlockTracker;
  }

  @Override
  public ReceivedInput plan(long batchTimeMillis) {
    return blocks.allocateUnallocated();
  }

  @Override
  public List<String> read(ReceivedInput descriptor) {
    return blocks.read(descriptor);
  }

  @Override
  public void release(ReceivedInput descriptor) {
    blocks.release(descriptor);
  }

  @Override
  public SourcePosition position() {
    return blocks.position();
  }

  @Override
  public void resume(SourcePosition position, List<ReceivedInput> replayed) {
    blocks.resume(position);
  }

  @Override
  public boolean hasUnplannedData() {
    return blocks.hasUnallocated();
  }

  /** Closes the connection and waits for the receiver to store what it had read. */
  @Override
  public synchronized void stop() {
    stopped = true;
    Socket open = socket;
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        LOG.debug("Closing the receiver's socket failed", e);
      }
    }
    if (receiver != null) {
      receiver.interrupt();
      try {
        receiver.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
