package io.tidemark.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What every Tidemark goal shares: {@code -Dtidemark.skip}. */
abstract class TidemarkMojo extends AbstractMojo {

  /** Skips the goal. */
  @Parameter(property = "tidemark.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping: tidemark.skip is set");
      return;
    }
    run();
  }

  abstract void run() throws MojoExecutionException, MojoFailureException;
}
