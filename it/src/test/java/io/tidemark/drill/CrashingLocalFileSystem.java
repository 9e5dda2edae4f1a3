package io.tidemark.drill;

import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local filesystem, halting the JVM at a chosen point of the checkpoint's I/O: on the Nth create,
 * rename or delete of a path containing a given text, just before or just after it. {@code halt} runs
 * no shutdown hook and no finally block: for the pipeline it is as abrupt as a SIGKILL, at a moment a
 * random kill rarely hits. A drill installs it in a child JVM's checkpoint configuration as the
 * implementation of {@code file:} ({@code fs.file.impl}), configured by {@link CrashPoint#configuration()}.
 */
public final class CrashingLocalFileSystem extends LocalFileSystem {

  /** The exit status of a halted child: that of a SIGKILLed one, 128 + 9. */
  public static final int HALT_STATUS = 137;

  private CrashPoint crashPoint;
  private int matched;

  @Override
  public void initialize(java.net.URI name, Configuration conf) throws IOException {
    super.initialize(name, conf);
    crashPoint = CrashPoint.from(conf);
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) throws IOException {
    return crashingAround(CrashPoint.Operation.CREATE, f,
        () -> super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    return crashingAround(CrashPoint.Operation.RENAME, dst, () -> super.rename(src, dst));
  }

  @Override
  public boolean delete(Path f, boolean recursive) throws IOException {
    return crashingAround(CrashPoint.Operation.DELETE, f, () -> super.delete(f, recursive));
  }

  private interface FileSystemCall<T> {
    T call() throws IOException;
  }

  /** Runs {@code call}, halting just before or just after it when it is the crash point's. */
  private <T> T crashingAround(CrashPoint.Operation operation, Path path, FileSystemCall<T> call) throws IOException {
    boolean crashHere = crashPoint.matches(operation, path.toString()) && ++matched == crashPoint.nth();
    if (crashHere && !crashPoint.after()) {
      halt(operation, path);
    }
    T result = call.call();
    if (crashHere) {
      halt(operation, path);
    }
    return result;
  }

  private void halt(CrashPoint.Operation operation, Path path) {
    System.err.println("CrashingLocalFileSystem: halting " + (crashPoint.after() ? "after" : "before") + " "
        + operation.name().toLowerCase(Locale.ROOT) + " #" + matched + " of " + path);
    System.err.flush();
    Runtime.getRuntime().halt(HALT_STATUS);
  }
}
