package io.tidemark.bench;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.tidemark.bench.EventPipelineSerializers.CodecBenchmark_EventSerializer;
import io.tidemark.function.KV;
import io.tidemark.schema.Decoder;
import io.tidemark.schema.Encoder;
import io.tidemark.schema.RecordSerializer;
import io.tidemark.schema.Serializer;
import io.tidemark.schema.Serializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Serialize + deserialize round trips of a 10-field record (longs, strings, a list, a nested record)
 * and of a {@code KV<String, Long>}: our codec through the serializer the annotation processor generates
 * for the record (see {@link EventPipeline}), through one declared with {@code RecordSerializer.builder}
 * on its fast path and through a resolving reader (the writer's schema is an older one), Kryo 5 with
 * registered classes (hand-written serializers, and its own registered-class serializers), and
 * Java serialization (of an equivalent serializable pair for the KV). The trial setup prints the encoded size of each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

  public record Location(String country, String city, long zipCode) implements Serializable {}

  public record Event(long id, long timestamp, String user, String page, long durationMs, long bytes,
      String agent, List<Long> items, Location location, long sessionId) implements Serializable {}

  /** {@link KV} is deliberately not {@link Serializable}; Java serialization gets this equivalent pair. */
  public record SerializablePair(String key, Long value) implements Serializable {}

  static final Serializer<Location> LOCATION = RecordSerializer.builder(Location.class)
      .field("country", Serializers.strings(), Location::country)
      .field("city", Serializers.strings(), Location::city)
      .field("zipCode", Serializers.longs(), Location::zipCode)
      .build(v -> new Location(v.get(0), v.get(1), v.get(2)));

  static final Serializer<Event> EVENT = eventSerializer(true);

  /** The previous version: no sessionId yet. The current one reads its data with sessionId = -1. */
  static final Serializer<Event> EVENT_BEFORE_SESSIONS = eventSerializer(false);

  static final Serializer<KV<String, Long>> COUNT = KV.serializer(Serializers.strings(), Serializers.longs());

  /** The previous version counted in ints; the current one widens them to longs while reading. */
  static final Serializer<KV<String, Integer>> INT_COUNT = KV.serializer(Serializers.strings(), Serializers.ints());

  private static Serializer<Event> eventSerializer(boolean withSession) {
    var builder = RecordSerializer.builder(Event.class)
        .field("id", Serializers.longs(), Event::id)
        .field("timestamp", Serializers.longs(), Event::timestamp)
        .field("user", Serializers.strings(), Event::user)
        .field("page", Serializers.strings(), Event::page)
        .field("durationMs", Serializers.longs(), Event::durationMs)
        .field("bytes", Serializers.longs(), Event::bytes)
        .field("agent", Serializers.strings(), Event::agent)
        .field("items", Serializers.list(Serializers.longs()), Event::items)
        .field("location", LOCATION, Event::location);
    if (withSession) {
      return builder.field("sessionId", Serializers.longs(), Event::sessionId).withDefault(-1L)
          .build(v -> new Event(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7),
              v.get(8), v.get(9)));
    }
    return builder.build(v -> new Event(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6),
        v.get(7), v.get(8), -1L));
  }

  private final Event event = new Event(912_345_678L, 1_717_171_717_000L, "user-4711", "/products/42/reviews",
      1_250L, 48_213L, "Mozilla/5.0 (X11; Linux x86_64)", new ArrayList<>(List.of(17L, 4_242L, 99_999L, 3L)),
      new Location("DE", "Hamburg", 20_095L), 77_001L);
  private final KV<String, Long> count = KV.of("tidemark", 123_456L);
  private final KV<String, Integer> intCount = KV.of("tidemark", 123_456);
  private final SerializablePair serializableCount = new SerializablePair("tidemark", 123_456L);

  private final Encoder encoder = new Encoder();
  private Kryo kryo;
  /** Kryo as a user gets it from registering the classes: its built-in record serializer. */
  private Kryo kryoRegistered;
  private final Output kryoOutput = new Output(1024, -1);
  private final Input kryoInput = new Input();

  @Setup
  public void setUp() throws IOException {
    kryo = new Kryo();
    kryo.setRegistrationRequired(true);
    kryo.register(Location.class, new KryoSerializers.LocationSerializer());
    kryo.register(Event.class, new KryoSerializers.EventSerializer());
    kryo.register(KV.class, new KryoSerializers.CountSerializer());
    kryoRegistered = new Kryo();
    kryoRegistered.setRegistrationRequired(true);
    kryoRegistered.register(Location.class);
    kryoRegistered.register(Event.class);
    kryoRegistered.register(ArrayList.class);
    kryoRegistered.register(KV.class);
    System.out.printf("%nbytes per object: record ours=%d generated=%d kryo=%d kryoRegistered=%d java=%d"
            + " | KV ours=%d kryo=%d kryoRegistered=%d java=%d%n",
        ourSize(EVENT, event), ourSize(CodecBenchmark_EventSerializer.INSTANCE, event), kryoSize(kryo, event),
        kryoSize(kryoRegistered, event), javaSerialized(event).length,
        ourSize(COUNT, count), kryoSize(kryo, count), kryoSize(kryoRegistered, count),
        javaSerialized(serializableCount).length);
  }

  @Benchmark
  public Event recordOurs() {
    return roundTrip(EVENT, event);
  }

  @Benchmark
  public Event recordGenerated() {
    return roundTrip(CodecBenchmark_EventSerializer.INSTANCE, event);
  }

  @Benchmark
  public Event recordOursResolved() {
    encoder.reset();
    EVENT_BEFORE_SESSIONS.write(encoder, event);
    return EVENT.read(Decoder.of(encoder.toByteArray()), EVENT_BEFORE_SESSIONS.schema());
  }

  @Benchmark
  public Event recordKryo() {
    return kryoRoundTrip(kryo, event, Event.class);
  }

  @Benchmark
  public Event recordKryoRegistered() {
    return kryoRoundTrip(kryoRegistered, event, Event.class);
  }

  @Benchmark
  public Object recordJava() throws Exception {
    return javaRoundTrip(event);
  }

  @Benchmark
  public KV<String, Long> kvOurs() {
    return roundTrip(COUNT, count);
  }

  @Benchmark
  public KV<String, Long> kvOursResolved() {
    encoder.reset();
    INT_COUNT.write(encoder, intCount);
    return COUNT.read(Decoder.of(encoder.toByteArray()), INT_COUNT.schema());
  }

  @Benchmark
  @SuppressWarnings("unchecked")
  public KV<String, Long> kvKryo() {
    return kryoRoundTrip(kryo, count, KV.class);
  }

  @Benchmark
  @SuppressWarnings("unchecked")
  public KV<String, Long> kvKryoRegistered() {
    return kryoRoundTrip(kryoRegistered, count, KV.class);
  }

  @Benchmark
  public Object kvJava() throws Exception {
    return javaRoundTrip(serializableCount);
  }

  private <T> T roundTrip(Serializer<T> serializer, T value) {
    encoder.reset();
    serializer.write(encoder, value);
    return serializer.read(Decoder.of(encoder.toByteArray()));
  }

  private <T> T kryoRoundTrip(Kryo with, Object value, Class<T> type) {
    kryoOutput.reset();
    with.writeObject(kryoOutput, value);
    kryoInput.setBuffer(kryoOutput.toBytes());
    return with.readObject(kryoInput, type);
  }

  private static Object javaRoundTrip(Object value) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(javaSerialized(value)))) {
      return in.readObject();
    }
  }

  private static byte[] javaSerialized(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  private static <T> int ourSize(Serializer<T> serializer, T value) {
    Encoder out = new Encoder();
    serializer.write(out, value);
    return out.size();
  }

  private static int kryoSize(Kryo with, Object value) {
    Output output = new Output(1024, -1);
    with.writeObject(output, value);
    return output.position();
  }
}
