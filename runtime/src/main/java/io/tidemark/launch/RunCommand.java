package io.tidemark.launch;

import io.tidemark.function.Durations;
import io.tidemark.internal.status.StatusOptions;
import io.tidemark.stream.PipelineConfig;
import io.tidemark.stream.StreamingContext;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", description = "Runs a pipeline: recovers it from its checkpoint if the directory holds one,"
    + " else starts it fresh; runs until stopped (SIGTERM or Ctrl-C finish the received data first).")
final class RunCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "<pipeline>", description = "The pipeline's name, as `list` prints it.")
  private String pipeline;

  @Option(names = "--checkpoint", required = true, paramLabel = "<uri>",
      description = "The checkpoint directory: a Hadoop URI (hdfs://, s3a://, file://) or a local path.")
  private String checkpoint;

  @Option(names = "--config", paramLabel = "<file.properties>", description = "The pipeline's configuration.")
  private Path configFile;

  @Option(names = "--set", paramLabel = "key=value", description = "A configuration entry; wins over --config.")
  private Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--stop-after", paramLabel = "<duration>",
      description = "Stop gracefully after this long, e.g. 30s (for development and tests).")
  private String stopAfter;

  @Option(names = "--ui-port", paramLabel = "<port>", description = "The status page's port (default 4040, or the next"
      + " free one of the 16 after it; 0: no page). The page, its JSON API under /api/v1/ and Prometheus metrics at"
      + " /metrics; credentials from the environment: TIDEMARK_UI_TOKEN, or TIDEMARK_UI_USER and TIDEMARK_UI_PASSWORD.")
  private Integer uiPort;

  @Option(names = "--ui-host", paramLabel = "<address>",
      description = "The address the status page is bound to (default 127.0.0.1: this machine only).")
  private String uiHost;

  @Override
  public Integer call() throws IOException, InterruptedException {
    StreamingContext context = new Pipelines(Thread.currentThread().getContextClassLoader()).named(pipeline)
        .getOrCreate(checkpoint, config());
    Thread stopGracefully = new Thread(() -> context.stop(true), "tidemark-shutdown");
    Runtime.getRuntime().addShutdownHook(stopGracefully);
    context.start();
    context.statusPageUrl().ifPresent(url -> spec.commandLine().getErr().println("Status page: " + url));
    spec.commandLine().getErr().println("Pipeline " + pipeline + " is running; checkpoint " + checkpoint);
    if (stopAfter == null) {
      context.awaitTermination();
    } else {
      Duration limit = Durations.parse(stopAfter);
      if (!context.awaitTerminationOrTimeout(limit)) {
        context.stop(true);
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stopGracefully);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is stopping the context
    }
    return ExitCode.OK;
  }

  private PipelineConfig config() throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    if (configFile != null) {
      Properties properties = new Properties();
      try (Reader in = Files.newBufferedReader(configFile)) {
        properties.load(in);
      }
      properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
    }
    entries.putAll(settings);
    // the launcher serves the status page unless told not to; a context built in code serves none unless asked
    if (uiPort != null) {
      entries.put(StatusOptions.PORT, uiPort.toString());
    } else {
      entries.putIfAbsent(StatusOptions.PORT, Integer.toString(StatusOptions.DEFAULT_PORT));
    }
    if (uiHost != null) {
      entries.put(StatusOptions.HOST, uiHost);
    }
    return PipelineConfig.of(entries);
  }
}
