package dev.apionly.spec;

/** Showing user text inside messages safely: short, one line, no control characters. */
final class Texts {

  private static final int MAX = 60;

  private Texts() {}

  static String abbreviate(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < MAX; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return text.length() > MAX ? out + "…" : out.toString();
  }
}
