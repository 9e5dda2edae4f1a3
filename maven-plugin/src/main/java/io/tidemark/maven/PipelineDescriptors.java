package io.tidemark.maven;

import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.PipelineDescriptorJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Reads pipeline descriptors ({@code <pipeline>.json}, as the annotation processor writes them) from a
 * directory or from the {@code META-INF/tidemark/} of a jar, by pipeline name. A file that does not read
 * stops the build, named with the problem: a check against a half-read baseline would be worthless.
 */
final class PipelineDescriptors {

  /** Where the processor puts descriptors, in the class output and in a jar. */
  static final String RESOURCE_DIRECTORY = "META-INF/tidemark/";

  private PipelineDescriptors() {}

  /** The descriptors directly in {@code directory}; none if it does not exist. */
  static SortedMap<String, PipelineDescriptor> inDirectory(Path directory) throws MojoExecutionException {
    SortedMap<String, PipelineDescriptor> descriptors = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return descriptors;
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot list the pipeline descriptors in " + directory + ": " + e, e);
    }
    for (Path file : files) {
      try {
        add(descriptors, parse(Files.readString(file), file.toString()), file.toString());
      } catch (IOException e) {
        throw new MojoExecutionException("Cannot read the pipeline descriptor " + file + ": " + e, e);
      }
    }
    return descriptors;
  }

  /** The descriptors in the {@code META-INF/tidemark/} of the jar {@code jar}. */
  static SortedMap<String, PipelineDescriptor> inJar(Path jar) throws MojoExecutionException {
    SortedMap<String, PipelineDescriptor> descriptors = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith(RESOURCE_DIRECTORY) && name.endsWith(".json")
            && name.indexOf('/', RESOURCE_DIRECTORY.length()) < 0) {
          String location = jar + "!/" + name;
          try (InputStream in = zip.getInputStream(entry)) {
            add(descriptors, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), location), location);
          }
        }
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read the jar " + jar + ": " + e, e);
    }
    return descriptors;
  }

  /** The descriptor {@code json}, read from {@code location}. */
  static PipelineDescriptor parse(String json, String location) throws MojoExecutionException {
    try {
      return PipelineDescriptorJson.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("Malformed pipeline descriptor " + location + ": " + e.getMessage()
          + ". Descriptors are written by tidemark-processor and tidemark:baseline; restore this file from version"
          + " control or write it again with tidemark:baseline");
    }
  }

  private static void add(SortedMap<String, PipelineDescriptor> descriptors, PipelineDescriptor descriptor,
      String location) throws MojoExecutionException {
    if (descriptors.putIfAbsent(descriptor.name(), descriptor) != null) {
      throw new MojoExecutionException("Two descriptors of pipeline '" + descriptor.name() + "' next to " + location
          + ": keep one file per pipeline");
    }
  }
}
