package dev.apionly.importer;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scalars and comments for the YAML that import writes: names plain when YAML would read them back
 * as the same text, everything else double-quoted with escapes, comments on one line.
 */
final class YamlText {

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

  /** Words YAML 1.1 (SnakeYAML) reads as booleans or null, which a plain name must not be. */
  private static final Set<String> RESERVED =
      Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

  private YamlText() {}

  /** An API name as a plain scalar when that is safe, else quoted. */
  static String name(String name) {
    return PLAIN_NAME.matcher(name).matches()
            && !RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT))
        ? name
        : quoted(name);
  }

  /**
   * Any text as a double-quoted scalar that reads back as exactly {@code text}: quotes,
   * backslashes, control characters and the characters YAML treats as line breaks are escaped; an
   * unpaired surrogate (not text at all) becomes U+FFFD.
   */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append('\uFFFD');
          } else if (needsEscape(c)) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code text} fit for a {@code #} comment: one line, no control or line-break characters. */
  static String comment(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(needsEscape(c) || c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
    }
    return out.toString().strip();
  }

  private static boolean needsEscape(char c) {
    return Character.isISOControl(c)
        || c == '\u2028'
        || c == '\u2029'
        || c == '\uFEFF'
        || c == '\uFFFE'
        || c == '\uFFFF';
  }
}
