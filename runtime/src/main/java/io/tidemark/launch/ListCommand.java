package io.tidemark.launch;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "Lists the pipelines this jar can run.")
final class ListCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    Pipelines pipelines = new Pipelines(Thread.currentThread().getContextClassLoader());
    if (pipelines.names().isEmpty()) {
      spec.commandLine().getErr().println("No pipeline on the class path: is the jar built with tidemark-processor"
          + " on the annotation processor path?");
      return ExitCode.USAGE;
    }
    pipelines.names().forEach(spec.commandLine().getOut()::println);
    return ExitCode.OK;
  }
}
