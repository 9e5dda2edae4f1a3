package io.tidemark.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A runnable jar of a pipeline project: its classes and every runtime dependency unpacked into one
 * jar whose main class is the launcher. Service files ({@code META-INF/services/*}) are merged, since
 * the launcher finds pipelines and Hadoop finds its filesystems through them; signatures are dropped,
 * since they no longer match a repacked jar; for any other path the first copy wins (the project's
 * classes come first).
 */
final class PipelineJar {

  static final String MAIN_CLASS = "io.tidemark.launch.Launcher";
  private static final String SERVICES = "META-INF/services/";
  private static final Pattern LEFT_OUT = Pattern.compile(
      "META-INF/MANIFEST\\.MF|META-INF/INDEX\\.LIST|META-INF/[^/]+\\.(SF|DSA|RSA|EC)|META-INF/SIG-[^/]*"
          + "|(META-INF/versions/\\d+/)?module-info\\.class");

  private final JarOutputStream out;
  private final Set<String> written = new HashSet<>();
  private final Map<String, Set<String>> services = new TreeMap<>();
  private final List<String> shadowed = new ArrayList<>();

  private PipelineJar(JarOutputStream out) {
    this.out = out;
  }

  /**
   * Writes {@code target} from the class output {@code classes} and the jars {@code dependencies}.
   *
   * @return the paths left out because an earlier part already had them
   */
  static List<String> write(Path target, Path classes, List<Path> dependencies) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
    manifest.getMainAttributes().putValue("Created-By", "tidemark-maven-plugin");
    Files.createDirectories(target.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
      PipelineJar jar = new PipelineJar(out);
      jar.addDirectory(classes);
      for (Path dependency : dependencies) {
        jar.addJar(dependency);
      }
      jar.writeServices();
      return jar.shadowed;
    }
  }

  private void addDirectory(Path classes) throws IOException {
    if (!Files.isDirectory(classes)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        add(classes.relativize(file).toString().replace('\\', '/'), in);
      }
    }
  }

  private void addJar(Path dependency) throws IOException {
    try (JarFile jar = new JarFile(dependency.toFile(), false)) {
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (!entry.isDirectory()) {
          try (InputStream in = jar.getInputStream(entry)) {
            add(entry.getName(), in);
          }
        }
      }
    }
  }

  private void add(String path, InputStream content) throws IOException {
    if (LEFT_OUT.matcher(path).matches()) {
      return;
    }
    if (path.startsWith(SERVICES) && path.indexOf('/', SERVICES.length()) < 0) {
      Set<String> providers = services.computeIfAbsent(path, name -> new LinkedHashSet<>());
      new String(content.readAllBytes(), StandardCharsets.UTF_8).lines().map(line -> line.replaceFirst("#.*", "").trim())
          .filter(line -> !line.isEmpty()).forEach(providers::add);
      return;
    }
    if (!written.add(path)) {
      shadowed.add(path);
      return;
    }
    addParents(path);
    out.putNextEntry(new JarEntry(path));
    content.transferTo(out);
    out.closeEntry();
  }

  /** Directory entries, which some class loaders and tools expect before the files in them. */
  private void addParents(String path) throws IOException {
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      String directory = path.substring(0, slash + 1);
      if (written.add(directory)) {
        out.putNextEntry(new JarEntry(directory));
        out.closeEntry();
      }
    }
  }

  private void writeServices() throws IOException {
    for (Map.Entry<String, Set<String>> service : services.entrySet()) {
      addParents(service.getKey());
      out.putNextEntry(new JarEntry(service.getKey()));
      out.write((String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }
}
