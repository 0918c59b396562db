package dev.apionly.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JsonTree reads what ObjectMapper.readTree reads, node for node and type for type. */
class JsonTreeTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "null",
        "true",
        "\"text \\u00e9\"",
        "{}",
        "[]",
        "{\"packageDirectories\":[{\"path\":\"force-app\",\"default\":true}],"
            + "\"sourceApiVersion\":\"66.0\"}",
        "{\"a\": 1, \"a\": [2, 3]}",
        "[1, -2147483649, 9223372036854775808, 1.5, -0.0, 1e400, false, null, {\"x\": {}}]",
        "{\"nested\": {\"deeper\": [[[\"down\"]]]}, \"after\": \"yes\"}",
        "{\"trailing\": 1} {\"ignored\": 2}"
      })
  void readsWhatObjectMapperReads(String text) throws Exception {
    JsonNode expected = MAPPER.readTree(text);
    assertSame(expected, JsonTree.read(text));
    assertSame(expected, JsonTree.read(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sfdx-project.json");
    Files.writeString(file, "{\"name\": \"démo\", \"list\": [1, 2]}");
    assertSame(MAPPER.readTree(file.toFile()), JsonTree.read(file));
  }

  @Test
  void readsOneValueOfAStreamAndStopsOnItsLastToken() throws Exception {
    try (JsonParser parser = JsonTree.parser("[{\"a\": [1]}, 2]")) {
      assertEquals(JsonToken.START_ARRAY, parser.nextToken());
      assertEquals(JsonToken.START_OBJECT, parser.nextToken());
      assertSame(MAPPER.readTree("{\"a\": [1]}"), JsonTree.read(parser));
      assertEquals(JsonToken.END_OBJECT, parser.currentToken());
      parser.nextToken();
      assertEquals(2, JsonTree.read(parser).asInt());
      assertEquals(JsonToken.END_ARRAY, parser.nextToken());
      parser.nextToken();
      assertNull(JsonTree.read(parser));
    }
  }

  @Test
  void aParseErrorIsJacksonsWithItsLocation() {
    String text = "{\n  \"a\": [1,\n}";
    JsonParseException expected =
        assertThrows(JsonParseException.class, () -> MAPPER.readTree(text));
    JsonParseException e = assertThrows(JsonParseException.class, () -> JsonTree.read(text));
    assertEquals(expected.getOriginalMessage(), e.getOriginalMessage());
    assertEquals(3, e.getLocation().getLineNr());
    assertEquals(expected.getLocation().getColumnNr(), e.getLocation().getColumnNr());
  }

  @Test
  void aWholeDocumentEndsWithItsValue() throws Exception {
    assertSame(MAPPER.readTree("{\"a\": 1}"), JsonTree.readWhole("{\"a\": 1}\n".getBytes()));
    JsonParseException e =
        assertThrows(
            JsonParseException.class,
            () -> JsonTree.readWhole("{\"a\": 1}\n{\"extra\": 1}".getBytes()));
    assertEquals(2, e.getLocation().getLineNr());
    assertThrows(
        JsonParseException.class,
        () -> JsonTree.readWhole(new byte[] {'{', '}', (byte) 0xff, (byte) 0xfe}));
  }

  /** Equal trees of the same node classes all the way down. */
  private static void assertSame(JsonNode expected, JsonNode actual) {
    assertEquals(expected, actual);
    assertEquals(expected.getClass(), actual.getClass(), expected.toString());
    for (int i = 0; i < expected.size(); i++) {
      if (expected.isArray()) {
        assertSame(expected.get(i), actual.get(i));
      }
    }
    expected
        .fieldNames()
        .forEachRemaining(name -> assertSame(expected.get(name), actual.get(name)));
  }
}
