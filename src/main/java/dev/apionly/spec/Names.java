package dev.apionly.spec;

import dev.apionly.model.Salesforce;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Salesforce's naming rules (docs/design.md, "Salesforce facts"), for the names apionly creates and
 * refers to.
 */
public final class Names {

  /** Longest API name apionly creates: the integration name. */
  public static final int MAX_NAME = 80;

  /** Longest label of a permission set, group or app. */
  public static final int MAX_LABEL = 80;

  /** Longest description of a permission set or group. */
  public static final int MAX_DESCRIPTION = 255;

  /** Longest reference accepted: namespace, 40-character name and suffix, with room to spare. */
  static final int MAX_REFERENCE = 120;

  private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*");
  private static final Pattern PART = Pattern.compile("[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*");
  private static final Pattern DOUBLE_UNDERSCORE = Pattern.compile("__");
  private static final Pattern USER_PERMISSION = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  private Names() {}

  /**
   * Why {@code name} is not a valid name for something apionly creates, or null if it is: letters,
   * digits, underscores; starts with a letter; no trailing or double underscore; at most 80.
   */
  public static String apiNameProblem(String name) {
    if (name.length() > MAX_NAME) {
      return "is " + name.length() + " characters long; at most " + MAX_NAME + " are accepted";
    }
    if (!API_NAME.matcher(name).matches()) {
      return "is not a valid API name; use letters, digits and single underscores, starting with a"
          + " letter and not ending with an underscore (e.g. ERP_Order_Sync)";
    }
    return null;
  }

  /** The shapes a reference to a component takes. */
  public enum Reference {
    /** One component: {@code Name}, {@code ns__Name}, {@code Name__c}, {@code ns__Name__c}. */
    SINGLE,
    /** Components joined by '-': an external credential and its principal. */
    JOINED;

    private static final char JOIN = '-';

    boolean joinsAt(char c) {
      return this == JOINED && c == JOIN;
    }

    String[] pieces(String name) {
      return this == JOINED ? name.split(Pattern.quote("" + JOIN), -1) : new String[] {name};
    }
  }

  /**
   * Why {@code name} is not a valid reference to a Salesforce component, or null: an optional
   * namespace prefix {@code ns__}, a name, and an optional suffix such as {@code __c}; {@code
   * shape} says whether several may be joined (the '-' of {@code Credential-Principal}).
   */
  public static String referenceProblem(String name, Reference shape) {
    if (name.isEmpty()) {
      return "is empty";
    }
    if (name.length() > MAX_REFERENCE) {
      return "is " + name.length() + " characters long; at most " + MAX_REFERENCE + " are accepted";
    }
    if (isReference(name, shape)) {
      return null; // the common case, one pass over the characters
    }
    return partProblem(name, shape);
  }

  /**
   * Whether {@code name} is pieces joined as {@code shape} allows, each piece at most three parts
   * joined by {@code __}, each part a letter then letters and digits with single underscores
   * between them.
   */
  private static boolean isReference(String name, Reference shape) {
    int parts = 1;
    boolean partStart = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (partStart) {
        if (!isLetter(c)) {
          return false;
        }
        partStart = false;
      } else if (c == '_') {
        boolean separator = i + 1 < name.length() && name.charAt(i + 1) == '_';
        if (separator) {
          if (++parts > 3) {
            return false;
          }
          i++;
          partStart = true;
        } else if (i + 1 == name.length() || !isLetterOrDigit(name.charAt(i + 1))) {
          return false;
        }
      } else if (shape.joinsAt(c)) {
        parts = 1;
        partStart = true;
      } else if (!isLetterOrDigit(c)) {
        return false;
      }
    }
    return !partStart;
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  private static boolean isLetterOrDigit(char c) {
    return isLetter(c) || c >= '0' && c <= '9';
  }

  /** The same verdict as {@link #referenceProblem}, part by part, saying which rule is broken. */
  static String partProblem(String name, Reference shape) {
    for (String piece : shape.pieces(name)) {
      String[] parts = DOUBLE_UNDERSCORE.split(piece, -1);
      if (parts.length > 3) {
        return "has too many '__' separators; accepted: Name, ns__Name, Name__c, ns__Name__c";
      }
      for (String part : parts) {
        if (!PART.matcher(part).matches()) {
          return "is not a valid API name; accepted: letters, digits and underscores, starting with"
              + " a letter, with an optional namespace (ns__) and suffix (__c, __mdt, __e, __x, __b)";
        }
      }
    }
    return null;
  }

  /** Why {@code name} is not a user permission API name (e.g. ApiEnabled), or null. */
  public static String userPermissionProblem(String name) {
    return USER_PERMISSION.matcher(name).matches() && name.length() <= MAX_REFERENCE
        ? null
        : "is not a user permission API name; accepted: letters and digits, e.g. ViewSetup";
  }

  /** True when {@code text} has the shape of an email address (also used for usernames). */
  public static boolean looksLikeEmail(String text) {
    return text.length() <= Salesforce.MAX_USERNAME && EMAIL.matcher(text).matches();
  }

  /**
   * The first character of {@code text} a reader cannot see or that reorders what they see, or -1:
   * control characters (tab and new line excepted in descriptions), format characters such as
   * zero-width spaces and right-to-left overrides (Unicode category Cf), line and paragraph
   * separators, non-characters and broken surrogate pairs. Such a character in a label would show
   * one thing in a review and deploy another.
   */
  public static int firstControlCharacter(String text, boolean allowWhitespace) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean whitespace = c == '\n' || c == '\t' || c == '\r';
      if (isInvisible(c) && !(allowWhitespace && whitespace)
          || Character.isSurrogate(c) && !validSurrogate(text, i)) {
        return i;
      }
    }
    return -1;
  }

  /** True for a control, format (Cf), separator (Zl, Zp) or non-character. */
  public static boolean isInvisible(char c) {
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || c == '\uFFFE'
        || c == '\uFFFF';
  }

  /** A character as a message names it: {@code U+0430 CYRILLIC SMALL LETTER A}. */
  public static String describe(int codePoint) {
    String name = Character.getName(codePoint);
    return String.format("U+%04X", codePoint) + (name == null ? "" : " " + name);
  }

  /**
   * The index of the first character of {@code name} that no API name may hold because it is not
   * ASCII (a Cyrillic letter that looks Latin, a zero-width space), or -1.
   */
  public static int firstNonAscii(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) > 0x7e || name.charAt(i) < 0x20) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Why {@code name} cannot be a file name on Windows, or null: {@code CON}, {@code PRN}, {@code
   * AUX}, {@code NUL}, {@code COM1} to {@code COM9} and {@code LPT1} to {@code LPT9} are devices
   * there, in any case and with any extension, so a checkout of the generated files would fail.
   */
  public static String windowsReservedProblem(String name) {
    int dot = name.indexOf('.');
    String stem = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT);
    boolean reserved =
        List.of("CON", "PRN", "AUX", "NUL").contains(stem)
            || stem.length() == 4
                && (stem.startsWith("COM") || stem.startsWith("LPT"))
                && stem.charAt(3) >= '1'
                && stem.charAt(3) <= '9';
    return reserved
        ? "is a device name on Windows (CON, PRN, AUX, NUL, COM1-COM9, LPT1-LPT9, in any case):"
            + " its files could not be checked out there; choose another name, e.g. "
            + name
            + "_Sync"
        : null;
  }

  /** {@code name} as Salesforce compares API names: case does not count. */
  public static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static boolean validSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
