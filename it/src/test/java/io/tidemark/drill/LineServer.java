package io.tidemark.drill;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on the loopback interface sending numbered lines ({@code line-0000042}) in small bursts,
 * to one connection at a time: when a connection breaks (its receiver was killed) the next one accepted
 * gets the lines after the last one written to it. Records which lines each connection was sent.
 */
final class LineServer implements AutoCloseable {

  private static final int BURST_LINES = 10;
  private static final long BURST_PAUSE_MILLIS = 5;

  /** A connection: the number of the first line written to it and how many lines were written. */
  static final class Connection {
    private final long firstLine;
    private volatile long linesSent;

    private Connection(long firstLine) {
      this.firstLine = firstLine;
    }

    long firstLine() {
      return firstLine;
    }

    long linesSent() {
      return linesSent;
    }
  }

  private final ServerSocket server;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final Thread sender;
  private volatile boolean sending = true;
  private long nextLine;

  LineServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    sender = new Thread(this::serve, "line-server");
    sender.setDaemon(true);
    sender.start();
  }

  static String line(long number) {
    return String.format("line-%07d", number);
  }

  int port() {
    return server.getLocalPort();
  }

  /** The connections accepted so far, oldest first. */
  List<Connection> connections() {
    return connections;
  }

  /** Sends no more lines; connections stay open. */
  void stopSending() {
    sending = false;
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        Connection connection = new Connection(nextLine);
        connections.add(connection);
        OutputStream out = socket.getOutputStream();
        while (true) {
          if (sending) {
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < BURST_LINES; i++) {
              burst.append(line(nextLine + i)).append('\n');
            }
            out.write(burst.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            nextLine += BURST_LINES;
            connection.linesSent += BURST_LINES;
          }
          Thread.sleep(BURST_PAUSE_MILLIS);
        }
      } catch (IOException e) {
        // the receiver was killed (or the server closed): accept the next one
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    server.close();
    sender.interrupt();
    sender.join();
  }
}
