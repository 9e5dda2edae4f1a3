package io.tidemark.bench;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.tidemark.bench.CodecBenchmark.Event;
import io.tidemark.bench.CodecBenchmark.Location;
import io.tidemark.function.KV;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written Kryo serializers for the benchmark's types: Kryo at its best (registered classes, no
 * reflection, zig-zag varints for longs like ours, Kryo's own compact ASCII strings).
 */
final class KryoSerializers {

  private KryoSerializers() {}

  static final class LocationSerializer extends Serializer<Location> {
    @Override
    public void write(Kryo kryo, Output out, Location location) {
      out.writeString(location.country());
      out.writeString(location.city());
      out.writeVarLong(location.zipCode(), false);
    }

    @Override
    public Location read(Kryo kryo, Input in, Class<? extends Location> type) {
      return new Location(in.readString(), in.readString(), in.readVarLong(false));
    }
  }

  static final class EventSerializer extends Serializer<Event> {
    @Override
    public void write(Kryo kryo, Output out, Event event) {
      out.writeVarLong(event.id(), false);
      out.writeVarLong(event.timestamp(), false);
      out.writeString(event.user());
      out.writeString(event.page());
      out.writeVarLong(event.durationMs(), false);
      out.writeVarLong(event.bytes(), false);
      out.writeString(event.agent());
      out.writeVarInt(event.items().size(), true);
      for (long item : event.items()) {
        out.writeVarLong(item, false);
      }
      kryo.writeObject(out, event.location());
      out.writeVarLong(event.sessionId(), false);
    }

    @Override
    public Event read(Kryo kryo, Input in, Class<? extends Event> type) {
      long id = in.readVarLong(false);
      long timestamp = in.readVarLong(false);
      String user = in.readString();
      String page = in.readString();
      long durationMs = in.readVarLong(false);
      long bytes = in.readVarLong(false);
      String agent = in.readString();
      int size = in.readVarInt(true);
      List<Long> items = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        items.add(in.readVarLong(false));
      }
      Location location = kryo.readObject(in, Location.class);
      return new Event(id, timestamp, user, page, durationMs, bytes, agent, items, location, in.readVarLong(false));
    }
  }

  /** {@code KV<String, Long>}. */
  @SuppressWarnings("rawtypes")
  static final class CountSerializer extends Serializer<KV> {
    @Override
    public void write(Kryo kryo, Output out, KV kv) {
      out.writeString((String) kv.key());
      out.writeVarLong((Long) kv.value(), false);
    }

    @Override
    public KV read(Kryo kryo, Input in, Class<? extends KV> type) {
      return KV.of(in.readString(), in.readVarLong(false));
    }
  }
}
