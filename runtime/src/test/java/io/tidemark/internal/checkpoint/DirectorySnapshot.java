package io.tidemark.internal.checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/** Every file and directory under a root with a checksum of its bytes: equal snapshots mean an untouched tree. */
final class DirectorySnapshot {

  private DirectorySnapshot() {}

  static Map<String, String> of(Path root) throws Exception {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.toList()) {
        String name = root.relativize(path).toString();
        if (Files.isDirectory(path)) {
          entries.put(name + "/", "dir");
        } else {
          CRC32C crc = new CRC32C();
          crc.update(Files.readAllBytes(path));
          entries.put(name, Files.size(path) + " bytes, crc " + Long.toHexString(crc.getValue()) + ", modified "
              + Files.getLastModifiedTime(path).toMillis());
        }
      }
    }
    return entries;
  }
}
