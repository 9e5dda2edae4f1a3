package io.tidemark.internal.source;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A TCP server on the loopback interface for a socket source's receiver: accepts one connection and
 * writes lines to it when told to, keeping it open until closed.
 */
public final class LineServer implements AutoCloseable {

  private final ServerSocket server;
  private Socket client;
  private Writer out;

  public LineServer() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Writes {@code lines} to the receiver, waiting for it to connect first. */
  public synchronized void send(List<String> lines) throws IOException {
    if (client == null) {
      client = server.accept();
      out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
    }
    for (String line : lines) {
      out.write(line + "\n");
    }
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    if (client != null) {
      client.close();
    }
    server.close();
  }
}
