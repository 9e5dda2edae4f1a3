package io.tidemark.internal.checkpoint;

import io.tidemark.checkpoint.CheckpointException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;

/**
 * The files of one checkpoint directory on any Hadoop {@link FileSystem}, laid out as DESIGN.md says:
 *
 * <pre>
 * &lt;dir&gt;/_lock                          owner and heartbeat
 * &lt;dir&gt;/metadata/batch-&lt;time&gt;.json     one metadata checkpoint per batch time
 * &lt;dir&gt;/state/&lt;stageId&gt;/&lt;time&gt;/part-N  one state file per partition of a data checkpoint
 * &lt;dir&gt;/wal/&lt;sourceId&gt;/segment-N       a receiver's write-ahead log ({@link WalSegment})
 * </pre>
 *
 * Every file is written whole to a {@code _tmp-} file beside it, synced where the stream can, then
 * renamed into place: a reader sees the old file or the new one, never a part. Every I/O failure
 * becomes a {@link CheckpointException} naming the path.
 */
public final class CheckpointStore implements AutoCloseable {

  private static final String METADATA_PREFIX = "batch-";
  private static final String METADATA_SUFFIX = ".json";
  private static final String TEMPORARY_PREFIX = "_tmp-";

  private final FileSystem fs;
  private final Path root;

  private CheckpointStore(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
  }

  /**
   * The checkpoint directory {@code directory}: a Hadoop URI ({@code hdfs://nn/ckpt}, {@code
   * file:///tmp/ckpt}) or a bare path of the local filesystem.
   */
  public static CheckpointStore open(String directory, Configuration conf) {
    URI uri = new Path(directory).toUri();
    try {
      if (uri.getScheme() == null) {
        uri = new URI("file", null, java.nio.file.Path.of(directory).toAbsolutePath().normalize().toString(), null);
      }
      // a private instance: the shared one from FileSystem.get may be closed by others, and is not ours to configure
      FileSystem fs = FileSystem.newInstance(uri, conf);
      if (fs instanceof LocalFileSystem local) {
        local.setWriteChecksum(false); // state files carry their own CRC; no .crc files beside them
      }
      return new CheckpointStore(fs, fs.makeQualified(new Path(uri)));
    } catch (IOException | URISyntaxException e) {
      throw new CheckpointException("Cannot open the checkpoint directory " + uri + ": " + e
          + ". Check the URI and that its filesystem is reachable", e);
    }
  }

  /** The directory, as a URI string for messages. */
  public String location() {
    return root.toString();
  }

  public Path lockFile() {
    return new Path(root, "_lock");
  }

  /** Held while a stale lock is being replaced, so only one instance replaces it. */
  Path lockTakeoverFile() {
    return new Path(root, "_lock.takeover");
  }

  public Path metadataFile(long batchTime) {
    return new Path(new Path(root, "metadata"), METADATA_PREFIX + batchTime + METADATA_SUFFIX);
  }

  Path stageStateDirectory(String stageId) {
    return new Path(new Path(root, "state"), stageId);
  }

  public Path stateDirectory(String stageId, long stateTime) {
    return new Path(stageStateDirectory(stageId), Long.toString(stateTime));
  }

  public Path stateFile(String stageId, long stateTime, int partition) {
    return new Path(stateDirectory(stageId, stateTime), "part-" + partition);
  }

  /** The directory of the write-ahead log segments of receiver {@code sourceId}. */
  public Path walDirectory(String sourceId) {
    return new Path(new Path(root, "wal"), sourceId);
  }

  /** The batch times of the metadata files present, oldest first. */
  public List<Long> metadataTimes() {
    List<Long> times = new ArrayList<>();
    for (FileStatus file : list(new Path(root, "metadata"))) {
      String name = file.getPath().getName();
      if (name.startsWith(METADATA_PREFIX) && name.endsWith(METADATA_SUFFIX)) {
        try {
          times.add(Long.parseLong(name.substring(METADATA_PREFIX.length(), name.length() - METADATA_SUFFIX.length())));
        } catch (NumberFormatException e) {
          // not ours: leave it alone
        }
      }
    }
    times.sort(null);
    return times;
  }

  /** The stage ids that have state directories. */
  public List<String> stateStages() {
    return list(new Path(root, "state")).stream().filter(FileStatus::isDirectory)
        .map(status -> status.getPath().getName()).toList();
  }

  /** The times of the data checkpoints present for {@code stageId}. */
  public List<Long> stateTimes(String stageId) {
    List<Long> times = new ArrayList<>();
    for (FileStatus status : list(stageStateDirectory(stageId))) {
      try {
        times.add(Long.parseLong(status.getPath().getName()));
      } catch (NumberFormatException e) {
        // a temporary or foreign entry: leave it alone
      }
    }
    return times;
  }

  /** The part files of a data checkpoint of one stage, whatever parallelism wrote them. */
  public List<Path> stateFiles(String stageId, long stateTime) {
    return list(stateDirectory(stageId, stateTime)).stream().map(FileStatus::getPath)
        .filter(path -> path.getName().startsWith("part-")).toList();
  }

  /** The entries of {@code directory}; none if it does not exist. */
  List<FileStatus> list(Path directory) {
    try {
      return fs.exists(directory) ? List.of(fs.listStatus(directory)) : List.of();
    } catch (IOException e) {
      throw failure("list", directory, e);
    }
  }

  public boolean exists(Path file) {
    try {
      return fs.exists(file);
    } catch (IOException e) {
      throw failure("check", file, e);
    }
  }

  public byte[] read(Path file) {
    try (InputStream in = fs.open(file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw failure("read", file, e);
    }
  }

  /** Opens {@code file} for reading at any offset. */
  FSDataInputStream open(Path file) {
    try {
      return fs.open(file);
    } catch (IOException e) {
      throw failure("open", file, e);
    }
  }

  /** Creates {@code file}, which must not exist yet, for appending (see {@link #flush} for durability). */
  FSDataOutputStream create(Path file) {
    try {
      return fs.create(file, false);
    } catch (IOException e) {
      throw failure("create", file, e);
    }
  }

  /**
   * Makes what was written to {@code out} survive a crash of this process: {@code hflush} where the
   * stream has it (HDFS: on every DataNode of the pipeline; local: in the operating system), else {@code
   * hsync}; false when the stream can do neither (an object store), where only closing a file persists it.
   */
  static boolean flush(FSDataOutputStream out) throws IOException {
    if (out.hasCapability(StreamCapabilities.HFLUSH)) {
      out.hflush();
      return true;
    }
    if (out.hasCapability(StreamCapabilities.HSYNC)) {
      out.hsync();
      return true;
    }
    out.flush();
    return false;
  }

  /**
   * Creates {@code file} with {@code bytes} if no such file exists, atomically: of instances racing to
   * create it, exactly one succeeds. Hadoop's {@code create(path, false)} is atomic on HDFS but only
   * checks, then creates, on the local filesystem, so there the JDK's exclusive create is used.
   *
   * @return false if the file exists
   */
  boolean createExclusively(Path file, byte[] bytes) {
    try {
      java.nio.file.Path local = localPath(file);
      if (local != null) {
        writeNew(local, bytes);
        return true;
      }
      try (FSDataOutputStream out = fs.create(file, false)) {
        out.write(bytes);
        flush(out);
      }
      return true;
    } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (exists(file)) {
        return false; // HDFS reports a lost race as a RemoteException wrapping FileAlreadyExistsException
      }
      throw failure("create", file, e);
    }
  }

  /**
   * The local path of {@code file} when the store is on the local filesystem, else null. Files there are
   * written with the JDK: Hadoop's local filesystem, without its native library, forks a {@code chmod}
   * process for every file it creates, which made a checkpoint cost milliseconds per file. Only Hadoop's
   * own class takes this shortcut: a subclass configured as {@code fs.file.impl} exists to change what
   * the filesystem does (instrumentation, quotas, fault injection), so its calls must reach it.
   */
  private java.nio.file.Path localPath(Path file) {
    return fs.getClass() == LocalFileSystem.class ? ((LocalFileSystem) fs).pathToFile(file).toPath() : null;
  }

  /** Creates {@code file} (failing if it exists) with {@code bytes}, synced to the device. */
  private static void writeNew(java.nio.file.Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** The status of {@code file} (its length, modification time), or null if it does not exist. */
  FileStatus status(Path file) {
    try {
      return fs.getFileStatus(file);
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw failure("check", file, e);
    }
  }

  /** Sets the modification time of {@code file} to now. */
  void touch(Path file) {
    try {
      fs.setTimes(file, System.currentTimeMillis(), -1);
    } catch (IOException e) {
      throw failure("touch", file, e);
    }
  }

  /** Writes {@code bytes} as {@code file}, replacing it: to a temporary file, synced, then renamed. */
  public void writeAtomically(Path file, byte[] bytes) {
    Path temporary = new Path(file.getParent(), TEMPORARY_PREFIX + file.getName() + "-" + UUID.randomUUID());
    java.nio.file.Path local = localPath(file);
    try {
      if (local != null) {
        writeNew(localPath(temporary), bytes);
        Files.move(localPath(temporary), local, StandardCopyOption.ATOMIC_MOVE); // replaces, as POSIX rename does
        return;
      }
      try (FSDataOutputStream out = fs.create(temporary, false)) {
        out.write(bytes);
        if (out.hasCapability(StreamCapabilities.HSYNC)) {
          out.hsync();
        } else if (out.hasCapability(StreamCapabilities.HFLUSH)) {
          out.hflush();
        }
      }
      // a rename replaces the file where the filesystem can (POSIX); where it refuses (HDFS) the old file is
      // deleted first, and a crash in between loses this one file, which retention's older checkpoints cover
      if (!fs.rename(temporary, file)) {
        fs.delete(file, false);
        if (!fs.rename(temporary, file)) {
          throw new IOException("rename of " + temporary + " refused");
        }
      }
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw failure("write", file, e);
    }
  }

  /** Deletes a file, or a directory with its content. */
  public void delete(Path path) {
    try {
      fs.delete(path, true);
    } catch (IOException e) {
      throw failure("delete", path, e);
    }
  }

  private void deleteQuietly(Path path) {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      // the write failed already; the temporary file is only litter
    }
  }

  CheckpointException failure(String action, Path path, IOException e) {
    return new CheckpointException("Cannot " + action + " " + path + " (" + e + "). Check that the checkpoint"
        + " directory " + root + " is a directory this user can read and write, and that its filesystem is up", e);
  }

  @Override
  public void close() {
    try {
      fs.close();
    } catch (IOException e) {
      throw failure("close the filesystem of", root, e);
    }
  }
}
