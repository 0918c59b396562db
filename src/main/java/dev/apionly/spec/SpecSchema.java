package dev.apionly.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apionly.json.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of spec format v1 (draft 2020-12): what {@code apionly schema} prints for
 * editors, and where the loader takes its accepted keys, required keys and enumerations from, so
 * the two cannot disagree.
 */
public final class SpecSchema {

  /** The resource beside this class. */
  static final String RESOURCE = "spec-v1.schema.json";

  /** Where a definition other than the root lives: {@code #/$defs/NAME}. */
  private static final String DEFINITIONS = "$defs";

  /** The root mapping: a spec itself. */
  public static final String SPEC = "spec";

  private static final SpecSchema V1 = load();

  private final String text;
  private final JsonNode root;

  private SpecSchema(String text, JsonNode root) {
    this.text = text;
    this.root = root;
  }

  /** Spec format v1. */
  public static SpecSchema v1() {
    return V1;
  }

  private static SpecSchema load() {
    try (InputStream in = SpecSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new SpecSchema(text, JsonTree.read(text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The schema as published: JSON text ending in a new line. */
  public String text() {
    return text;
  }

  /** The keys a mapping accepts and requires: {@link #SPEC} for the root, else a definition. */
  public Shape shape(String definition) {
    JsonNode node = definition(definition);
    JsonNode properties = node.path("properties");
    if (!properties.isObject()) {
      throw new IllegalArgumentException(definition + " in " + RESOURCE + " is not a mapping");
    }
    List<String> keys = new ArrayList<>();
    Map<String, String> examples = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      keys.add(property.getKey());
      JsonNode example = property.getValue().path("examples").path(0);
      if (example.isValueNode()) {
        examples.put(property.getKey(), example.asText());
      }
    }
    return new Shape(keys, texts(node.path("required")), examples);
  }

  /** The values an enumerated definition accepts, in the schema's order. */
  public List<String> enumeration(String definition) {
    JsonNode values = definition(definition).path("enum");
    if (!values.isArray()) {
      throw new IllegalArgumentException(definition + " in " + RESOURCE + " is not an enum");
    }
    return texts(values);
  }

  private JsonNode definition(String name) {
    JsonNode node = SPEC.equals(name) ? root : root.path(DEFINITIONS).path(name);
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("no definition '" + name + "' in " + RESOURCE);
    }
    return node;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(value -> out.add(value.asText()));
    return List.copyOf(out);
  }

  /**
   * One mapping of the spec: its keys in the schema's order, those it requires, and an example
   * value for keys that have one (quoted in "missing required key" messages).
   */
  public record Shape(List<String> keys, List<String> required, Map<String, String> examples) {

    public Shape {
      keys = List.copyOf(keys);
      required = List.copyOf(required);
      examples = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(examples));
    }

    /** {@code "key: example"}, or just the key when the schema gives no example. */
    public String example(String key) {
      String value = examples.get(key);
      return value == null ? key + ": …" : key + ": " + value;
    }
  }
}
