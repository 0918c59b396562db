package dev.apionly.render;

import dev.apionly.diagnostic.InvisibleCharacters;

/**
 * The one place values are escaped for the file they land in. Templates never escape by hand: every
 * reference a template inserts passes through the escaper chosen by the template's name. Each kind
 * only says what replaces one character; {@link #escape} is the same loop for all.
 */
enum Escaper {
  XML {
    @Override
    String replacement(char c) {
      return switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&apos;";
        case '\r' -> "&#13;";
        default -> null;
      };
    }
  },
  JSON {
    @Override
    String replacement(char c) {
      return switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        case '<' -> "\\u003c";
        case '>' -> "\\u003e";
        case '&' -> "\\u0026";
        default ->
            c < 0x20 || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : null;
      };
    }
  },
  /** Inside an Apex single-quoted string literal. */
  APEX {
    @Override
    String replacement(char c) {
      return switch (c) {
        case '\'' -> "\\'";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        default -> c < 0x20 ? " " : null;
      };
    }
  },
  /**
   * HTML text and quoted attribute values ({@code "} or {@code '}); templates quote every attribute
   * and never insert a value into a script, a style or an unquoted attribute.
   */
  HTML {
    @Override
    String replacement(char c) {
      return switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        case '`' -> "&#96;";
        default -> c < 0x20 && c != '\n' && c != '\t' ? " " : null;
      };
    }

    /** A bidi override or zero-width character would change what the reader sees: shown. */
    @Override
    String escape(String text) {
      return super.escape(InvisibleCharacters.shown(text));
    }
  };

  /** What {@code c} becomes in this kind of file, or null when it stays as it is. */
  abstract String replacement(char c);

  /** {@code text} made safe for this kind of file. */
  String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = replacement(c);
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /** The escaper for a template, chosen by the kind of file it writes. */
  static Escaper forTemplate(String name) {
    if (name.endsWith(".xml.vm")) {
      return XML;
    }
    if (name.endsWith(".json.vm")) {
      return JSON;
    }
    if (name.endsWith(".apex.vm")) {
      return APEX;
    }
    if (name.endsWith(".html.vm")) {
      return HTML;
    }
    throw new IllegalArgumentException("no escaping rule for template " + name);
  }
}
