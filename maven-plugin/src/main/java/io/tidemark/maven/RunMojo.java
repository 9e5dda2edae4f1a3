package io.tidemark.maven;

import io.tidemark.launch.ExitCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Runs a pipeline of the project on the embedded defaults, for development: the launcher's {@code run}
 * in a new JVM on the project's runtime class path, checkpointing under {@code target/tidemark/checkpoint},
 * so stopping and running it again recovers. Ctrl-C stops it gracefully. Compile first: {@code mvn
 * compile tidemark:run}.
 */
@Mojo(name = "run", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RunMojo extends TidemarkMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The pipeline to run; may be left out when the project has only one. */
  @Parameter(property = "tidemark.pipeline")
  private String pipeline;

  /** The checkpoint directory: any Hadoop URI, or a local path. */
  @Parameter(property = "tidemark.checkpoint", defaultValue = "${project.build.directory}/tidemark/checkpoint",
      required = true)
  private String checkpoint;

  /** The pipeline's configuration, a properties file. */
  @Parameter(property = "tidemark.configFile")
  private File configFile;

  /** Configuration entries {@code key=value}, winning over {@code configFile}: {@code -Dtidemark.set=in=data,out=target/out}. */
  @Parameter(property = "tidemark.set")
  private List<String> settings = new ArrayList<>();

  /** Stops the pipeline gracefully after this long, e.g. {@code 30s}; by default it runs until stopped. */
  @Parameter(property = "tidemark.stopAfter")
  private String stopAfter;

  /**
   * The status page's port: the page, its JSON API under {@code /api/v1/} and Prometheus metrics at {@code
   * /metrics}; the next free port of the 16 after it if it is taken; {@code 0}: no page. Credentials come
   * from the environment ({@code TIDEMARK_UI_TOKEN}, or {@code TIDEMARK_UI_USER} and {@code
   * TIDEMARK_UI_PASSWORD}).
   */
  @Parameter(property = "tidemark.uiPort", defaultValue = "4040")
  private int uiPort;

  /** The address the status page is bound to; by default {@code 127.0.0.1}, this machine only. */
  @Parameter(property = "tidemark.uiHost")
  private String uiHost;

  /** Options of the pipeline's JVM, e.g. {@code -Xmx2g}. */
  @Parameter(property = "tidemark.jvmArgs")
  private List<String> jvmArgs = new ArrayList<>();

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", classPath(), PipelineJar.MAIN_CLASS, "run", pipelineName(),
        "--checkpoint", checkpoint));
    if (configFile != null) {
      command.addAll(List.of("--config", configFile.getPath()));
    }
    settings.forEach(setting -> command.addAll(List.of("--set", setting)));
    if (stopAfter != null) {
      command.addAll(List.of("--stop-after", stopAfter));
    }
    command.addAll(List.of("--ui-port", Integer.toString(uiPort)));
    if (uiHost != null) {
      command.addAll(List.of("--ui-host", uiHost));
    }
    getLog().debug("Running " + command);
    int exit = launch(command);
    if (exit != ExitCode.OK) {
      throw new MojoFailureException("Pipeline " + pipelineName() + " exited with " + exit + " (" + meaning(exit)
          + "); its messages are above");
    }
  }

  private int launch(List<String> command) throws MojoExecutionException {
    Process process;
    try {
      process = new ProcessBuilder(command).directory(project.getBasedir()).inheritIO().start();
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot start " + command.get(0) + ": " + e, e);
    }
    // Ctrl-C reaches Maven: stop the pipeline as the launcher stops on SIGTERM, gracefully
    Thread stop = new Thread(process::destroy, "tidemark-run-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      throw new MojoExecutionException("Interrupted while the pipeline ran", e);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException e) {
        // Maven is shutting down: the hook is stopping the pipeline
      }
    }
  }

  private static String meaning(int exit) {
    return switch (exit) {
      case ExitCode.USAGE -> "bad pipeline name or configuration";
      case ExitCode.CHECKPOINT -> "the checkpoint cannot be used";
      default -> "the pipeline failed";
    };
  }

  private String pipelineName() throws MojoExecutionException {
    if (pipeline != null) {
      return pipeline;
    }
    var names = PipelineDescriptors.inDirectory(
        Path.of(project.getBuild().getOutputDirectory(), PipelineDescriptors.RESOURCE_DIRECTORY)).keySet();
    if (names.size() != 1) {
      throw new MojoExecutionException("Which pipeline? " + (names.isEmpty() ? "The project has none compiled"
          + " (mvn compile tidemark:run)" : "The project has " + String.join(", ", names)) + "; choose one with"
          + " -Dtidemark.pipeline=<name>");
    }
    pipeline = names.iterator().next();
    return pipeline;
  }

  private String classPath() throws MojoExecutionException {
    try {
      return String.join(File.pathSeparator, project.getRuntimeClasspathElements());
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("The runtime class path is not resolved: " + e.getMessage(), e);
    }
  }
}
