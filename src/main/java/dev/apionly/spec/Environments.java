package dev.apionly.spec;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for environment names and username suffixes. A name is what {@code APIONLY_ENV} is set
 * to, a folder under {@code .apionly/environments/} and, for a sandbox, its sandbox name; a suffix
 * keeps a username in the form of an email address, as Salesforce's own sandbox suffix does.
 */
public final class Environments {

  /** The variable the sf CLI's replacements are conditioned on at deploy time. */
  public static final String VARIABLE = "APIONLY_ENV";

  /** The org deployed without {@link #VARIABLE}: its usernames are the spec's own. */
  public static final String PRODUCTION = "production";

  static final int MAX_NAME = 40;

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  private static final Pattern SUFFIX = Pattern.compile("(\\.[A-Za-z0-9-]+)+");

  private Environments() {}

  /** What is wrong with {@code name} as an environment name, or null. */
  public static String nameProblem(String name) {
    if (!NAME.matcher(name).matches() || name.length() > MAX_NAME) {
      return "is not accepted; accepted: letters, digits, '_' and '-', starting with a letter, at"
          + " most "
          + MAX_NAME
          + " characters (a sandbox's name, such as uat or qa1)";
    }
    if (name.toLowerCase(Locale.ROOT).equals(PRODUCTION)) {
      return "is not accepted: production is the org deployed without "
          + VARIABLE
          + ", and its usernames are user.username; list only the other orgs";
    }
    return null;
  }

  /** What is wrong with {@code suffix} as a username suffix, or null. */
  public static String suffixProblem(String suffix) {
    if (!SUFFIX.matcher(suffix).matches()) {
      return "is not accepted; accepted: a dot followed by letters, digits and '-', possibly"
          + " repeated (.uat, .qa-1, .acme.dev), so that usernames stay in the form of an"
          + " email address";
    }
    return null;
  }
}
