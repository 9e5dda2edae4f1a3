package io.tidemark.launch;

import io.tidemark.checkpoint.CheckpointException;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The main class of a pipeline jar ({@code tidemark:package}): {@code run}, {@code list} and {@code
 * inspect}. Errors a person can act on are printed as one message, without a stack trace, and mapped to
 * an {@link ExitCode}.
 */
@Command(name = "tidemark", mixinStandardHelpOptions = true,
    description = "Runs the Tidemark pipelines of this jar and inspects their checkpoints.",
    subcommands = {RunCommand.class, ListCommand.class, InspectCommand.class})
public final class Launcher {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line {@code args}; returns the exit code. */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new Launcher());
    commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
      int code = exitCode(e);
      if (code == ExitCode.PIPELINE_FAILED) {
        e.printStackTrace(line.getErr()); // a failing batch: its cause is in the user's code
      } else {
        line.getErr().println(e.getMessage());
      }
      return code;
    });
    return commandLine.execute(args);
  }

  private static int exitCode(Exception e) {
    if (e instanceof CheckpointException) { // incompatible, damaged, or owned by another instance
      return ExitCode.CHECKPOINT;
    }
    if (e instanceof IllegalArgumentException || e instanceof IOException) {
      return ExitCode.USAGE; // an unknown pipeline, a bad configuration value or file
    }
    return ExitCode.PIPELINE_FAILED;
  }
}
