package io.tidemark.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.function.KV;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CodecTest {

  enum Color { RED, GREEN }

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of(Serializers.booleans(), true),
        Arguments.of(Serializers.ints(), Integer.MIN_VALUE),
        Arguments.of(Serializers.ints(), -1),
        Arguments.of(Serializers.longs(), Long.MAX_VALUE),
        Arguments.of(Serializers.longs(), Long.MIN_VALUE),
        Arguments.of(Serializers.floats(), -0.5f),
        Arguments.of(Serializers.doubles(), Double.NaN),
        Arguments.of(Serializers.strings(), ""),
        Arguments.of(Serializers.strings(), "héllo wörld 日本 \uD83D\uDE00"),
        Arguments.of(Serializers.strings(), "x".repeat(100_000)),
        Arguments.of(Serializers.bytes(), new byte[] {0, -1, 127}),
        Arguments.of(Serializers.enums(Color.class), Color.GREEN),
        Arguments.of(Serializers.list(Serializers.longs()), List.of(1L, -2L, 300L)),
        Arguments.of(Serializers.set(Serializers.strings()), Set.of("a", "b")),
        Arguments.of(Serializers.map(Serializers.strings(), Serializers.ints()), Map.of("a", 1, "b", -2)),
        Arguments.of(Serializers.optional(Serializers.strings()), Optional.of("x")),
        Arguments.of(Serializers.optional(Serializers.strings()), Optional.empty()),
        Arguments.of(KV.serializer(Serializers.strings(), Serializers.longs()), KV.of("word", 42L)),
        Arguments.of(CompatibilityRulesTest.STATS_V2, new CompatibilityRulesTest.StatsV2(1, 2, 3)));
  }

  @ParameterizedTest
  @MethodSource("values")
  <T> void roundTripsOverArraysAndStreams(Serializer<T> serializer, T value) {
    Encoder out = new Encoder();
    serializer.write(out, value);
    byte[] bytes = out.toByteArray();
    assertThat(serializer.read(Decoder.of(bytes))).isEqualTo(value);

    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    Encoder streaming = Encoder.toStream(sink);
    serializer.write(streaming, value);
    serializer.write(streaming, value);
    streaming.flush();
    Decoder in = Decoder.of(new ByteArrayInputStream(sink.toByteArray()));
    assertThat(serializer.read(in)).isEqualTo(value);
    assertThat(serializer.read(in)).isEqualTo(value);
    assertThat(in.isAtEnd()).isTrue();
    assertThat(in.position()).isEqualTo(2L * bytes.length);
  }

  @Test
  void encodingIsCompact() {
    Encoder out = new Encoder();
    KV.serializer(Serializers.strings(), Serializers.longs()).write(out, KV.of("word", 1L));
    assertThat(out.toByteArray()).containsExactly(4, 'w', 'o', 'r', 'd', 2);
    out.reset();
    Serializers.ints().write(out, -64);
    assertThat(out.toByteArray()).containsExactly(127);
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of("string length larger than the input", Serializers.strings(), bytes(0x10, 'a'),
            "at byte 0: string length 16 exceeds the 1 remaining bytes"),
        Arguments.of("negative length", Serializers.bytes(), bytes(0xff, 0xff, 0xff, 0xff, 0x0f),
            "at byte 0: negative byte string length -1"),
        Arguments.of("count larger than the input", Serializers.list(Serializers.longs()), bytes(0xff, 0xff, 0x03, 1),
            "at byte 0: count 65535 exceeds the 1 remaining bytes"),
        Arguments.of("negative count", Serializers.list(Serializers.longs()), bytes(0x80, 0x80, 0x80, 0x80, 0x08),
            "at byte 0: negative count -2147483648"),
        Arguments.of("overlong int varint", Serializers.ints(), bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x01),
            "at byte 0: overlong varint: an int takes at most 5 bytes and fits in 32 bits"),
        Arguments.of("overlong long varint", Serializers.longs(), bytes(0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01),
            "at byte 0: overlong varint: a long takes at most 10 bytes"),
        Arguments.of("unknown enum index", Serializers.enums(Color.class), bytes(2),
            "at byte 0: enum index 2 is not one of the writer's 2 symbols"),
        Arguments.of("bad optional tag", Serializers.optional(Serializers.longs()), bytes(2, 0),
            "at byte 0: an optional's tag is 0 or 1, found 2"),
        Arguments.of("bad boolean", Serializers.booleans(), bytes(7), "at byte 0: a boolean is 0 or 1, found 7"),
        Arguments.of("truncated long", KV.serializer(Serializers.strings(), Serializers.longs()), bytes(1, 'a', 0x80),
            "at byte 3: input truncated: it ends before a long (at byte 3)"),
        Arguments.of("truncated double", Serializers.doubles(), bytes(1, 2, 3),
            "at byte 0: input truncated: it ends before a fixed 8-byte value (at byte 3)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void hostileBytesGiveThePositionAndReason(String name, Serializer<?> serializer, byte[] input, String message) {
    assertThatThrownBy(() -> serializer.read(Decoder.of(input)))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> serializer.read(Decoder.of(new ByteArrayInputStream(input))))
        .isInstanceOf(CheckpointFormatException.class);
  }

  @Test
  void hugeLengthOverAStreamEndsAsTruncatedWithoutAllocatingIt() {
    byte[] input = bytes(0xff, 0xff, 0xff, 0xff, 0x07, 'a', 'b');
    assertThatThrownBy(() -> Serializers.strings().read(Decoder.of(new ByteArrayInputStream(input))))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessage("at byte 0: input truncated: it ends before a string of 2147483647 bytes, got 2 (at byte 7)");
  }

  @Test
  void versionTagPicksTheReaderAndRefusesUnknownFingerprints() {
    Encoder out = new Encoder();
    VersionTag.write(out, CompatibilityRulesTest.STATS_V1, new CompatibilityRulesTest.StatsV1(4, 2));
    byte[] bytes = out.toByteArray();
    Schema v1 = CompatibilityRulesTest.STATS_V1.schema();

    assertThat(VersionTag.read(Decoder.of(bytes), CompatibilityRulesTest.STATS_V2,
        tag -> tag == Fingerprint.of(v1) ? v1 : null)).isEqualTo(new CompatibilityRulesTest.StatsV2(4, 0, 2));
    assertThat(VersionTag.read(Decoder.of(bytes), CompatibilityRulesTest.STATS_V1, tag -> null))
        .isEqualTo(new CompatibilityRulesTest.StatsV1(4, 2));
    assertThatThrownBy(() -> VersionTag.read(Decoder.of(bytes), CompatibilityRulesTest.STATS_V2, tag -> null))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessageStartingWith("at byte 0: wrong fingerprint " + Fingerprint.hex(Fingerprint.of(v1)));
  }

  @Test
  void resolvedReadersAreCompiledOnce() {
    Schema v1 = CompatibilityRulesTest.STATS_V1.schema();
    assertThat(CompatibilityRulesTest.STATS_V2.readerFor(v1)).isSameAs(CompatibilityRulesTest.STATS_V2.readerFor(v1));
    assertThat(CompatibilityRulesTest.STATS_V2.readerFor(SchemaJson.fromJson(SchemaJson.toJsonString(v1))))
        .isSameAs(CompatibilityRulesTest.STATS_V2.readerFor(v1));
  }

  @Test
  void collectionsOfElementsWithoutBytesAreRefused() {
    RecordSchema empty = Schema.record("Empty");
    assertThatThrownBy(() -> Schema.list(empty)).hasMessageContaining("cannot be decoded safely");
    assertThatThrownBy(() -> Schema.map(empty, Schema.kv(empty, empty))).hasMessageContaining("cannot be decoded safely");
  }

  static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
