package dev.apionly.render;

/**
 * The one place values are escaped for the file they land in. Templates never escape by hand: every
 * reference a template inserts passes through the escaper chosen by the template's name.
 */
enum Escaper {
  XML {
    @Override
    String escape(String text) {
      StringBuilder out = new StringBuilder(text.length() + 16);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '&' -> out.append("&amp;");
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '"' -> out.append("&quot;");
          case '\'' -> out.append("&apos;");
          case '\r' -> out.append("&#13;");
          default -> out.append(c);
        }
      }
      return out.toString();
    }
  },
  JSON {
    @Override
    String escape(String text) {
      StringBuilder out = new StringBuilder(text.length() + 16);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '<' -> out.append("\\u003c");
          case '>' -> out.append("\\u003e");
          case '&' -> out.append("\\u0026");
          default -> {
            if (c < 0x20 || c == '\u2028' || c == '\u2029') {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      return out.toString();
    }
  },
  /** Inside an Apex single-quoted string literal. */
  APEX {
    @Override
    String escape(String text) {
      StringBuilder out = new StringBuilder(text.length() + 16);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '\'' -> out.append("\\'");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20) {
              out.append(' ');
            } else {
              out.append(c);
            }
          }
        }
      }
      return out.toString();
    }
  },
  /**
   * HTML text and quoted attribute values ({@code "} or {@code '}); templates quote every attribute
   * and never insert a value into a script, a style or an unquoted attribute.
   */
  HTML {
    @Override
    String escape(String text) {
      StringBuilder out = new StringBuilder(text.length() + 16);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '&' -> out.append("&amp;");
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '"' -> out.append("&quot;");
          case '\'' -> out.append("&#39;");
          case '`' -> out.append("&#96;");
          default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
        }
      }
      return out.toString();
    }
  };

  abstract String escape(String text);

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
