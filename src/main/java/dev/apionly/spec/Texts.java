package dev.apionly.spec;

/**
 * Showing user text inside messages safely: short, one line, no control or invisible characters,
 * and never a value shaped like a secret.
 */
final class Texts {

  private static final int MAX = 60;

  private Texts() {}

  static String abbreviate(String text) {
    if (Secrets.shapeOf(text).isPresent()) {
      return "(value not shown: it looks like a secret)";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < MAX; i++) {
      char c = text.charAt(i);
      out.append(Names.isInvisible(c) ? '?' : c);
    }
    return text.length() > MAX ? out + "…" : out.toString();
  }
}
