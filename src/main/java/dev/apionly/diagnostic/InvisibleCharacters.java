package dev.apionly.diagnostic;

/**
 * Characters that change how text around them reads without being seen: bidi overrides and
 * isolates, zero-width characters, the byte order mark (Unicode's format characters) and line or
 * paragraph separators. Specs refuse them; what apionly shows a reviewer replaces any that reach it
 * another way (an imported or included file), so a label can never reorder a review or a report.
 */
public final class InvisibleCharacters {

  /** What an invisible character is shown as: the replacement character, which is seen. */
  public static final char SHOWN_AS = '\uFFFD';

  private InvisibleCharacters() {}

  /** Whether {@code c} is one of the characters this class is about. */
  public static boolean is(int c) {
    return Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029';
  }

  /** {@code text} with every invisible character replaced by {@link #SHOWN_AS}. */
  public static String shown(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (is(c) && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        if (is(c)) {
          out.append(SHOWN_AS);
        } else {
          out.append(text, i, next);
        }
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }
}
