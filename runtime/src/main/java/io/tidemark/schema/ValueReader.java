package io.tidemark.schema;

/** Reads one value written with a fixed writer schema; compiled once per (writer, reader) pair. */
@FunctionalInterface
public interface ValueReader<T> {

  T read(Decoder in);
}
