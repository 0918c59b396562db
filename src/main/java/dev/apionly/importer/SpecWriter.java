package dev.apionly.importer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes spec YAML by hand, in the order a person would: API names bare, every free text in double
 * quotes with JSON escapes (a valid YAML scalar whatever it holds).
 */
final class SpecWriter {

  private static final Pattern BARE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

  private final StringBuilder out = new StringBuilder();

  SpecWriter comment(String text) {
    for (String line : text.split("\n", -1)) {
      out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    return this;
  }

  SpecWriter text(int indent, String key, String value) {
    out.append(" ".repeat(indent)).append(key).append(": ").append(quoted(value)).append('\n');
    return this;
  }

  SpecWriter name(int indent, String key, String value) {
    out.append(" ".repeat(indent)).append(key).append(": ").append(name(value)).append('\n');
    return this;
  }

  SpecWriter key(int indent, String key) {
    out.append(" ".repeat(indent)).append(key).append(":\n");
    return this;
  }

  SpecWriter names(int indent, String key, List<String> names) {
    out.append(" ".repeat(indent)).append(key).append(": [");
    for (int i = 0; i < names.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(name(names.get(i)));
    }
    out.append("]\n");
    return this;
  }

  SpecWriter item(int indent, String value) {
    out.append(" ".repeat(indent)).append("- ").append(name(value)).append('\n');
    return this;
  }

  SpecWriter justifiedItem(int indent, String name, String justification) {
    out.append(" ".repeat(indent)).append("- name: ").append(name(name)).append('\n');
    return text(indent + 2, "justification", justification);
  }

  SpecWriter blank() {
    out.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private static String name(String value) {
    return BARE.matcher(value).matches() ? value : quoted(value);
  }

  static String quoted(String value) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
