package io.tidemark.internal.source;

import java.util.List;

/** The input of a batch from a directory: the files it took, in order. */
public record FileList(List<String> paths) implements InputDescriptor {

  public FileList {
    paths = List.copyOf(paths);
  }

  public static final String TYPE = "files";

  @Override
  public String type() {
    return TYPE;
  }
}
