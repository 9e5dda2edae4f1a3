package io.tidemark.launch;

/** The launcher's exit codes: what a script or a process supervisor can tell apart. */
public final class ExitCode {

  /** The pipeline stopped as asked, or the command did what it said. */
  public static final int OK = 0;
  /** A batch failed while the pipeline ran. */
  public static final int PIPELINE_FAILED = 1;
  /** The command line is wrong: an unknown pipeline or option, a missing argument, a bad configuration. */
  public static final int USAGE = 2;
  /** The checkpoint cannot be used: incompatible with this code, damaged, or owned by a running instance. */
  public static final int CHECKPOINT = 3;

  private ExitCode() {}
}
