package dev.apionly.spec;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Suggestions;
import dev.apionly.spec.YamlNode.Entry;
import dev.apionly.spec.YamlNode.MapNode;
import dev.apionly.spec.YamlNode.ScalarNode;
import dev.apionly.spec.YamlNode.ScalarType;
import dev.apionly.spec.YamlNode.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads from a {@link YamlNode} tree that report a wrong type, an unknown key or a missing
 * one at its position, and carry on so one run reports every problem.
 */
final class Binding {

  private final Diagnostics diagnostics;

  Binding(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  void error(Location location, String message) {
    diagnostics.error(location, message);
  }

  /** The node as a mapping whose keys are names (of objects, say), not fixed words. */
  Optional<MapNode> anyMap(YamlNode node, String what) {
    return anyMap(node, what, "names to grants");
  }

  /** As {@link #anyMap(YamlNode, String)}, saying what maps to what: "names to settings". */
  Optional<MapNode> anyMap(YamlNode node, String what, String mapping) {
    if (node instanceof MapNode map) {
      return Optional.of(map);
    }
    if (node instanceof ScalarNode scalar && scalar.type() == ScalarType.NULL) {
      return Optional.of(new MapNode(node.location(), java.util.Map.of()));
    }
    error(node.location(), what + " must be a mapping of " + mapping + ", found " + node.kind());
    return Optional.empty();
  }

  /** The node as a mapping whose keys are all in {@code accepted}; reports each unknown key. */
  Optional<MapNode> map(YamlNode node, String what, List<String> accepted) {
    if (!(node instanceof MapNode map)) {
      error(node.location(), what + " must be a mapping of keys to values, found " + node.kind());
      return Optional.empty();
    }
    for (Entry entry : map.entries().values()) {
      if (!accepted.contains(entry.key())) {
        error(
            entry.keyLocation(),
            "unknown key '"
                + Texts.abbreviate(entry.key())
                + "' in "
                + what
                + Suggestions.didYouMean(entry.key(), accepted)
                + "; accepted: "
                + String.join(", ", accepted));
      }
    }
    return Optional.of(map);
  }

  /**
   * The node as a mapping of the schema's {@code shape}: reports each unknown key, and each
   * required key that is missing at {@code missingAt}.
   */
  Optional<MapNode> map(YamlNode node, Location missingAt, String what, SpecSchema.Shape shape) {
    Optional<MapNode> mapped = map(node, what, shape.keys());
    mapped.ifPresent(
        map -> {
          for (String key : shape.required()) {
            if (!map.entries().containsKey(key)) {
              error(
                  missingAt,
                  "missing required key '" + key + "' in " + what + ", e.g. " + shape.example(key));
            }
          }
        });
    return mapped;
  }

  /** As {@link #map(YamlNode, Location, String, SpecSchema.Shape)}, missing keys at the node. */
  Optional<MapNode> map(YamlNode node, String what, SpecSchema.Shape shape) {
    return map(node, node.location(), what, shape);
  }

  /** An optional text value, or null. */
  Ref optionalText(MapNode map, String key) {
    Entry entry = map.entries().get(key);
    return entry == null ? null : text(entry);
  }

  /** Any scalar but an empty one, as text (a ticket may be written as a number). */
  Ref text(Entry entry) {
    return scalarText(entry.value(), "'" + entry.key() + "'");
  }

  Ref scalarText(YamlNode node, String what) {
    if (node instanceof ScalarNode scalar && scalar.type() != ScalarType.NULL) {
      return new Ref(scalar.text(), scalar.location());
    }
    error(node.location(), what + " must be a single value, found " + node.kind());
    return null;
  }

  /** A list of scalars; a single scalar is accepted as a list of one. */
  List<Ref> texts(MapNode map, String key) {
    Entry entry = map.entries().get(key);
    return entry == null ? List.of() : texts(entry.value(), "'" + key + "'");
  }

  List<Ref> texts(YamlNode node, String what) {
    return items(node, what, item -> scalarText(item, "each entry of " + what));
  }

  /** Every item of a list (or the single value), bound by {@code bind}; null results dropped. */
  <T> List<T> items(YamlNode node, String what, Function<YamlNode, T> bind) {
    List<T> out = new ArrayList<>();
    if (node instanceof SeqNode seq) {
      for (YamlNode item : seq.items()) {
        T bound = bind.apply(item);
        if (bound != null) {
          out.add(bound);
        }
      }
    } else if (node instanceof ScalarNode scalar && scalar.type() == ScalarType.NULL) {
      return out;
    } else if (node instanceof ScalarNode) {
      T bound = bind.apply(node);
      if (bound != null) {
        out.add(bound);
      }
    } else {
      error(node.location(), what + " must be a list, found " + node.kind());
    }
    return out;
  }
}
