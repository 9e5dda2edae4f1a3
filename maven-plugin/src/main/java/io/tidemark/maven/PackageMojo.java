package io.tidemark.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds {@code <artifactId>-<version>-pipeline.jar}: the project's classes, the runtime and every
 * runtime dependency in one jar that runs the launcher, {@code java -jar …-pipeline.jar run <pipeline>
 * --checkpoint <uri>} (also {@code list} and {@code inspect <uri>}).
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class PackageMojo extends TidemarkMojo {

  static final String CLASSIFIER = "pipeline";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Component
  private MavenProjectHelper projectHelper;

  /** Where the jar is written. */
  @Parameter(property = "tidemark.outputDirectory", defaultValue = "${project.build.directory}", required = true)
  private File outputDirectory;

  /** Attaches the jar to the project (classifier {@code pipeline}), so install and deploy publish it. */
  @Parameter(property = "tidemark.attach", defaultValue = "true")
  private boolean attach;

  @Override
  void run() throws MojoExecutionException {
    Path jar = outputDirectory.toPath().resolve(project.getArtifactId() + "-" + project.getVersion() + "-"
        + CLASSIFIER + ".jar");
    List<Path> dependencies = project.getArtifacts().stream()
        .filter(artifact -> Artifact.SCOPE_COMPILE.equals(artifact.getScope())
            || Artifact.SCOPE_RUNTIME.equals(artifact.getScope()))
        .filter(artifact -> artifact.getFile() != null && artifact.getFile().isFile())
        .map(artifact -> artifact.getFile().toPath()).toList();
    List<String> shadowed;
    try {
      shadowed = PipelineJar.write(jar, Path.of(project.getBuild().getOutputDirectory()), dependencies);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the pipeline jar " + jar + ": " + e, e);
    }
    if (!shadowed.isEmpty()) {
      getLog().debug("Left out, already present: " + shadowed);
      getLog().info(shadowed.size() + " duplicate paths left out (the first copy wins; -X lists them)");
    }
    getLog().info("Pipeline jar " + jar + " (" + dependencies.size() + " dependencies); run it with"
        + " java -jar " + jar.getFileName() + " run <pipeline> --checkpoint <uri>");
    if (attach) {
      projectHelper.attachArtifact(project, "jar", CLASSIFIER, jar.toFile());
    }
  }
}
