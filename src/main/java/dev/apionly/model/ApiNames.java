package dev.apionly.model;

/**
 * How the model compares Salesforce API names: Salesforce ignores letter case in them, so two names
 * are the same when their characters are the same in upper case. One fold for ordering, equality
 * and hashing, so the three always agree.
 */
public final class ApiNames {

  private ApiNames() {}

  /**
   * Orders names by their upper-case characters: names that differ only in case are equal, and
   * names as Salesforce spells them keep the order of their characters except where an underscore
   * meets a lower-case letter (it sorts after it, as after its upper-case form).
   */
  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = Character.toUpperCase(a.charAt(i));
      char y = Character.toUpperCase(b.charAt(i));
      if (x != y) {
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  /** Whether {@code a} and {@code b} name the same thing. */
  public static boolean same(String a, String b) {
    return a.length() == b.length() && compare(a, b) == 0;
  }

  /** A hash that names the same thing share. */
  public static int hash(String name) {
    int h = 0;
    for (int i = 0; i < name.length(); i++) {
      h = 31 * h + Character.toUpperCase(name.charAt(i));
    }
    return h;
  }

  /** Whether {@code name} starts with {@code prefix}, ignoring case as above. */
  public static boolean startsWith(String name, String prefix) {
    return name.length() >= prefix.length()
        && compare(name.substring(0, prefix.length()), prefix) == 0;
  }
}
