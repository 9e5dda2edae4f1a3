package io.tidemark.maven;

import io.tidemark.schema.PipelineDescriptor;
import java.io.File;
import java.util.SortedMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The goals that compare the build's pipeline descriptors with the committed baselines, or record them there. */
abstract class DescriptorMojo extends TidemarkMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** Where tidemark-processor wrote the build's descriptors. */
  @Parameter(defaultValue = "${project.build.outputDirectory}/META-INF/tidemark", readonly = true, required = true)
  File descriptorDirectory;

  /** The committed baselines, one directory per recorded version (written by {@code tidemark:baseline}). */
  @Parameter(property = "tidemark.baselineDirectory", defaultValue = "${project.basedir}/src/main/tidemark",
      required = true)
  File baselineDirectory;

  /** The build's descriptors, by pipeline name. */
  SortedMap<String, PipelineDescriptor> currentDescriptors() throws MojoExecutionException {
    return PipelineDescriptors.inDirectory(descriptorDirectory.toPath());
  }
}
