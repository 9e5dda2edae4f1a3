package io.tidemark.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The crash drill of {@link DrilledSocketLines}: the socket source with the write-ahead log on, its child
 * JVMs SIGKILLed at seeded random moments while a test-owned server sends numbered lines, each child
 * reconnecting. Every line a child reported received (logged) must be output exactly once; no line twice.
 */
class SocketWalCrashDrillTest {

  private static final long SEED = 7_2026L;
  private static final int KILLS = 20;
  private static final Path WORK = Path.of("target", "drills", "socket-wal");

  @Test
  void sigkilledReceiversLoseNoLoggedLineAndDuplicateNone() throws Exception {
    Path output = WORK.resolve("output");
    Path progress = WORK.resolve("progress.txt");
    List<Long> pids = new ArrayList<>();
    try (LineServer server = new LineServer();
        CrashDrill drill = new CrashDrill(WORK, DrilledSocketLines.class, List.of(Integer.toString(server.port()),
            output.toString(), WORK.resolve("checkpoint").toString(), progress.toString()))) {
      Random random = new Random(SEED);
      for (int kill = 0; kill <= KILLS; kill++) {
        pids.add(drill.start());
        // one connection per child, so its progress reports count the lines of that connection
        int connected = kill + 1;
        drill.await("connection " + connected, () -> server.connections().size() == connected);
        Thread.sleep(random.nextInt(1500));
        if (kill < KILLS) {
          drill.kill();
        }
      }
      server.stopSending();
      LineServer.Connection last = server.connections().get(KILLS);
      drill.await("the last child's receipt of every line sent to it",
          () -> lastReported(progress).getOrDefault(pids.get(KILLS), 0L) == last.linesSent());
      Set<String> received = reportedLines(server.connections(), pids, lastReported(progress));
      drill.await("output of every received line", () -> outputLines(output).containsAll(received));
      drill.stopGracefully();

      List<String> out = outputLines(output);
      assertThat(new HashSet<>(out)).as("lines output").hasSameSizeAs(out).containsAll(received);
      assertThat(sent(server.connections())).as("lines sent").containsAll(out);
      new WordCountOutput(output).assertExactlyOnce(Map.of(DrilledSocketLines.LINES, (long) out.size()));
      assertThat(received).as("lines reported received").hasSizeGreaterThan(KILLS);
    }
  }

  /** The last progress each child reported: records received and logged by it, by pid. */
  private static Map<Long, Long> lastReported(Path progress) {
    Map<Long, Long> reported = new HashMap<>();
    try {
      for (String line : Files.exists(progress) ? Files.readAllLines(progress, StandardCharsets.UTF_8) : List.<String>of()) {
        String[] fields = line.split(" ");
        if (fields.length == 2) { // a line being appended is read whole next time
          reported.merge(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Math::max);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return reported;
  }

  /** The lines the children reported received: each child's connection's first lines, as many as it reported. */
  private static Set<String> reportedLines(List<LineServer.Connection> connections, List<Long> pids,
      Map<Long, Long> reported) {
    Set<String> lines = new HashSet<>();
    for (int child = 0; child < pids.size(); child++) {
      LineServer.Connection connection = connections.get(child);
      for (long n = 0; n < reported.getOrDefault(pids.get(child), 0L); n++) {
        lines.add(LineServer.line(connection.firstLine() + n));
      }
    }
    return lines;
  }

  private static Set<String> sent(List<LineServer.Connection> connections) {
    Set<String> lines = new HashSet<>();
    for (LineServer.Connection connection : connections) {
      for (long n = 0; n < connection.linesSent(); n++) {
        lines.add(LineServer.line(connection.firstLine() + n));
      }
    }
    return lines;
  }

  /** Every line in the {@code lines-<time>} output directories (not in a sink's hidden temporary ones). */
  private static List<String> outputLines(Path output) {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> batches = Files.list(output)) {
      for (Path batch : batches.filter(d -> d.getFileName().toString().startsWith(DrilledSocketLines.LINES + "-")).toList()) {
        try (Stream<Path> parts = Files.list(batch)) {
          for (Path part : parts.toList()) {
            lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      return List.of(); // a batch directory replaced while listed: read again at the next poll
    }
    return lines;
  }
}
