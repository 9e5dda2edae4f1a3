package io.tidemark.internal.checkpoint;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;

/** The local filesystem under the scheme {@code counting:}, counting its instances that are open. */
public final class CountingFileSystem extends RawLocalFileSystem {

  static final AtomicInteger OPEN = new AtomicInteger();
  private static final URI URI = java.net.URI.create("counting:///");

  /** A Hadoop configuration that maps {@code counting:} to this class. */
  static Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set("fs.counting.impl", CountingFileSystem.class.getName());
    return conf;
  }

  @Override
  public void initialize(URI uri, Configuration conf) throws IOException {
    super.initialize(uri, conf);
    OPEN.incrementAndGet();
  }

  @Override
  public URI getUri() {
    return URI;
  }

  @Override
  public String getScheme() {
    return "counting";
  }

  @Override
  public void close() throws IOException {
    OPEN.decrementAndGet();
    super.close();
  }
}
