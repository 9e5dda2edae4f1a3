package io.tidemark.launch;

import io.tidemark.internal.checkpoint.CheckpointInspection;
import io.tidemark.internal.checkpoint.CheckpointStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inspect", description = "Shows what a checkpoint holds, and what is wrong with it if anything is."
    + " Exits with 3 when a file is damaged or there is no checkpoint.")
final class InspectCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "<uri>", description = "The checkpoint directory: a Hadoop URI or a local path.")
  private String checkpoint;

  @Option(names = "--json", description = "Print JSON instead of text.")
  private boolean json;

  @Override
  public Integer call() {
    CheckpointInspection inspection;
    try (CheckpointStore store = CheckpointStore.open(checkpoint, new Configuration())) {
      inspection = CheckpointInspection.of(store);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(InspectionReport.json(inspection));
    } else {
      InspectionReport.text(inspection).forEach(out::println);
    }
    return inspection.isIntact() ? ExitCode.OK : ExitCode.CHECKPOINT;
  }
}
