package io.tidemark.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaJsonTest {

  @Test
  void wordStatsHasTheDocumentedForm() {
    assertThat(SchemaJson.toJsonString(FingerprintTest.WORD_STATS)).isEqualTo(
        "{\"type\":\"record\",\"name\":\"WordStats\",\"fields\":["
            + "{\"name\":\"total\",\"type\":\"long\"},"
            + "{\"name\":\"maxPerBatch\",\"type\":\"long\",\"default\":0},"
            + "{\"name\":\"lastBatch\",\"type\":\"long\",\"aliases\":[\"lastSeen\"]}]}");
  }

  @Test
  void roundTripsEverySchemaExactly() {
    Random random = new Random(11);
    for (int i = 0; i < 2_000; i++) {
      Schema schema = new RandomSchemas(random, false).schema(4);
      String json = SchemaJson.toJsonString(schema);
      Schema read = SchemaJson.fromJson(json);
      assertThat(read).as(json).isEqualTo(schema);
      assertThat(Fingerprint.of(read)).isEqualTo(Fingerprint.of(schema));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      42                                                                          | $                   | expected a schema (a type name string or an object with "type"), found number 42
      "lng"                                                                       | $                   | expected a type name (boolean, int, long, float, double, string, bytes, enum, list, set, map, optional, kv, record), found "lng"
      {"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"b","type":"int"},{"name":"c","type":7}]} | $.fields[2].type | expected a schema (a type name string or an object with "type"), found number 7
      {"type":"record","name":"R","fields":[{"type":"int"}]}                      | $.fields[0].name    | expected a string, found nothing
      {"type":"record","name":"R"}                                                | $.fields            | expected an array, found nothing
      {"type":"record","name":"R","fields":[3]}                                   | $.fields[0]         | expected a field object, found number 3
      {"type":"list"}                                                             | $.items             | missing; expected a schema
      {"type":"map","keys":"string","values":{"type":"optional","value":"lnog"}}  | $.values.value      | expected a type name (boolean, int, long, float, double, string, bytes, enum, list, set, map, optional, kv, record), found "lnog"
      {"type":"enum","name":"E","symbols":["A",1]}                                | $.symbols[1]        | expected a string, found number 1
      {"type":"enum","name":"E","symbols":["A"],"default":"B"}                    | $                   | default symbol B is not one of the symbols of enum E: [A]
      {"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"a","type":"long"}]} | $  | record R has two fields named a
      {"type":"kv","key":"string","value":{"type":"frob"}}                        | $.value.type        | expected a type name (boolean, int, long, float, double, string, bytes, enum, list, set, map, optional, kv, record), found "frob"
      {"type":"list","items":{"type":"record","name":"Empty","fields":[]}}        | $                   | a list of record Empty cannot be decoded safely: its elements can take no bytes (a record without fields); give the record a field
      """)
  void malformedInputNamesThePathAndWhatWasExpected(String json, String path, String problem) {
    assertThatThrownBy(() -> SchemaJson.fromJson(json))
        .isInstanceOfSatisfying(MalformedSchemaException.class, e -> assertThat(e.path()).isEqualTo(path))
        .hasMessage(path + ": " + problem);
  }

  @Test
  void invalidJsonTextIsMalformedAtTheRoot() {
    assertThatThrownBy(() -> SchemaJson.fromJson("{\"type\":"))
        .isInstanceOf(MalformedSchemaException.class)
        .hasMessageStartingWith("$: not valid JSON");
  }
}
