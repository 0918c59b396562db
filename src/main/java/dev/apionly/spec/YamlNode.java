package dev.apionly.spec;

import dev.apionly.diagnostic.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the position it was read from, so every later error can point at it. */
public sealed interface YamlNode {

  Location location();

  /** What a user would call this kind of value in an error message. */
  String kind();

  /** A mapping; keys in file order, each with its own position. */
  record MapNode(Location location, Map<String, Entry> entries) implements YamlNode {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One key of a mapping: where the key stands, and its value. */
  record Entry(String key, Location keyLocation, YamlNode value) {}

  /** A sequence. */
  record SeqNode(Location location, List<YamlNode> items) implements YamlNode {
    public SeqNode {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A scalar: its text as written, and what YAML typed it as. */
  record ScalarNode(Location location, String text, ScalarType type) implements YamlNode {
    @Override
    public String kind() {
      return switch (type) {
        case STRING -> "text '" + Texts.abbreviate(text) + "'";
        case NUMBER -> "the number " + Texts.abbreviate(text);
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "an empty value";
      };
    }
  }

  /** The YAML type of a scalar. */
  enum ScalarType {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }
}
