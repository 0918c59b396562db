package dev.apionly.spec;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Suggestions;
import dev.apionly.spec.YamlNode.Entry;
import dev.apionly.spec.YamlNode.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Indentation mistakes, told as such. YAML reads a key written one level too far left as a key of
 * the mapping around it, and the block it was meant for as empty; the loader would then report an
 * unknown key and an empty block, neither of which names the mistake. Both the syntax errors
 * SnakeYAML raises for keys and list items that line up with nothing, and well-formed files whose
 * keys landed in the wrong block, get a hint with the column that was meant.
 */
final class Indentation {

  /** What a mapping of a spec accepts: fixed keys, or names (of objects), and what each holds. */
  private record Block(String noun, List<String> keys, Map<String, Block> children, Block named) {

    boolean accepts(String key, Block around) {
      if (keys != null) {
        return keys.contains(key);
      }
      // any name is an object's, unless the mapping around it knows the key or a near spelling
      return !around.keys.contains(key)
          && Suggestions.nearest(key, around.keys).isEmpty()
          && Names.referenceProblem(key, Names.Reference.SINGLE) == null;
    }

    Optional<Block> child(String key) {
      return keys == null ? Optional.ofNullable(named) : Optional.ofNullable(children.get(key));
    }
  }

  private static final Block SPEC = spec();

  private Indentation() {}

  private static Block spec() {
    SpecSchema schema = SpecSchema.v1();
    Block fields = new Block("a key of 'fields'", schema.shape("fields").keys(), Map.of(), null);
    Block object =
        new Block(
            "a key of an object",
            schema.shape("objectGrant").keys(),
            Map.of("fields", fields),
            null);
    Block muteObject =
        new Block(
            "a key of a muted object",
            schema.shape("muteObject").keys(),
            Map.of("fields", fields),
            null);
    Block objects = new Block("an object", null, Map.of(), object);
    Block muteObjects = new Block("an object", null, Map.of(), muteObject);
    Block mute =
        new Block(
            "a key of 'mute'", schema.shape("mute").keys(), Map.of("objects", muteObjects), null);
    Block user = new Block("a key of 'user'", schema.shape("user").keys(), Map.of(), null);
    Block oauth = new Block("a key of 'oauth'", schema.shape("oauth").keys(), Map.of(), null);
    return new Block(
        "a key of the spec",
        schema.shape(SpecSchema.SPEC).keys(),
        Map.of("objects", objects, "user", user, "mute", mute, "oauth", oauth),
        null);
  }

  /**
   * Reports each key of {@code root} that sits beside the block it belongs to rather than in it;
   * true when there was one (what the loader would say next would only follow from it).
   */
  static boolean misplaced(YamlNode root, Diagnostics diagnostics) {
    List<String> found = new ArrayList<>();
    if (root instanceof MapNode map) {
      check(map, SPEC, diagnostics, found);
    }
    return !found.isEmpty();
  }

  private static void check(MapNode map, Block block, Diagnostics diagnostics, List<String> found) {
    List<Entry> entries = new ArrayList<>(map.entries().values());
    Entry container = null;
    Block inside = null;
    for (Entry entry : entries) {
      if (container != null
          && entry.keyLocation().column() == container.keyLocation().column()
          && belongsInside(entry.key(), block, inside)) {
        int column = childColumn(container);
        diagnostics.error(
            entry.keyLocation(),
            "'"
                + Texts.abbreviate(entry.key())
                + "' at column "
                + entry.keyLocation().column()
                + " is read as "
                + block.noun
                + ", but is "
                + inside.noun
                + ": indent it under '"
                + Texts.abbreviate(container.key())
                + ":' (line "
                + container.keyLocation().line()
                + ") to column "
                + column
                + "?");
        found.add(entry.key());
        continue; // the next one may have slipped out of the same block
      }
      Optional<Block> child = block.child(entry.key());
      if (child.isPresent()) {
        container = entry;
        inside = child.get();
        if (entry.value() instanceof MapNode nested) {
          check(nested, child.get(), diagnostics, found);
        }
      } else {
        container = null;
        inside = null;
      }
    }
  }

  /**
   * Whether {@code key}, found in {@code block}, is one of {@code inside}'s instead: a key the
   * block does not know but the one before it does; in a block of object names, a key of an object.
   */
  private static boolean belongsInside(String key, Block block, Block inside) {
    if (block.keys == null) {
      return inside.keys != null && inside.keys.contains(key);
    }
    return !block.keys.contains(key) && inside.accepts(key, block);
  }

  /** Where the keys of {@code container} stand, or two columns in when it has none yet. */
  private static int childColumn(Entry container) {
    if (container.value() instanceof MapNode nested && !nested.entries().isEmpty()) {
      return nested.entries().values().iterator().next().keyLocation().column();
    }
    return container.keyLocation().column() + 2;
  }

  /**
   * A hint for a YAML syntax error raised at 1-based {@code line} of {@code text}: where the key or
   * list item there should stand, judged from the lines above it; empty when the error is not one
   * of indentation.
   */
  static Optional<String> syntaxHint(String text, int line, String problem) {
    List<String> lines = text.lines().toList();
    if (line < 1 || line > lines.size()) {
      return Optional.empty();
    }
    String here = lines.get(line - 1);
    int column = indentOf(here);
    if (column < 0) {
      return Optional.empty();
    }
    String what = describe(here);
    if (problem.startsWith("mapping values are not allowed")) {
      int above = previousContent(lines, line - 1);
      if (above < 0) {
        return Optional.empty();
      }
      int aboveColumn = indentOf(lines.get(above));
      if (column <= aboveColumn || !hasValue(lines.get(above))) {
        return Optional.empty();
      }
      return Optional.of(
          what
              + " at column "
              + column
              + " is indented under "
              + describe(lines.get(above))
              + " (line "
              + (above + 1)
              + "), which already has a value: line it up with it at column "
              + aboveColumn
              + "?");
    }
    if (problem.startsWith("expected <block end>")) {
      // the columns of the blocks this line could belong to, innermost first
      int deeper = -1;
      int deeperLine = -1;
      int shallower = -1;
      int shallowerLine = -1;
      int lowest = Integer.MAX_VALUE;
      for (int i = previousContent(lines, line - 1); i >= 0; i = previousContent(lines, i)) {
        int indent = indentOf(lines.get(i));
        if (indent >= lowest) {
          continue;
        }
        lowest = indent;
        if (indent > column) {
          deeper = indent;
          deeperLine = i;
        } else if (indent < column) {
          shallower = indent;
          shallowerLine = i;
          break;
        }
      }
      if (deeper < 0) {
        return Optional.empty();
      }
      StringBuilder hint =
          new StringBuilder(what)
              .append(" at column ")
              .append(column)
              .append(" lines up with nothing above it: indent it to column ")
              .append(deeper)
              .append(", as ")
              .append(describe(lines.get(deeperLine)))
              .append(" (line ")
              .append(deeperLine + 1)
              .append(")");
      if (shallower > 0 && !here.strip().startsWith("-")) {
        hint.append(", or to column ")
            .append(shallower)
            .append(", as ")
            .append(describe(lines.get(shallowerLine)))
            .append(" (line ")
            .append(shallowerLine + 1)
            .append(")");
      }
      return Optional.of(hint.append('?').toString());
    }
    return Optional.empty();
  }

  /** The 1-based column where the content of {@code line} (1-based) of {@code text} starts. */
  static int column(String text, int line) {
    return text.lines().skip(line - 1).findFirst().map(Indentation::indentOf).orElse(1);
  }

  /** The 1-based column of a line's first character, or -1 for a blank or comment line. */
  private static int indentOf(String line) {
    String stripped = line.stripLeading();
    if (stripped.isEmpty() || stripped.startsWith("#")) {
      return -1;
    }
    return line.length() - stripped.length() + 1;
  }

  /** The line before {@code index} (0-based) that holds content, or -1. */
  private static int previousContent(List<String> lines, int index) {
    for (int i = index - 1; i >= 0; i--) {
      if (indentOf(lines.get(i)) > 0) {
        return i;
      }
    }
    return -1;
  }

  /** A line as a hint names it: its key, or the list item it starts; never its value. */
  private static String describe(String line) {
    String stripped = line.strip();
    if (stripped.startsWith("-")) {
      return "the list item";
    }
    int colon = stripped.indexOf(':');
    String key = colon < 0 ? stripped : stripped.substring(0, colon);
    return "'" + Texts.abbreviate(key.strip()) + ":'";
  }

  /** Whether the key on {@code line} has its value on the same line. */
  private static boolean hasValue(String line) {
    String stripped = line.strip();
    int colon = stripped.indexOf(": ");
    return colon > 0 && !stripped.substring(colon + 2).strip().startsWith("#");
  }
}
