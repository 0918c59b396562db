package dev.apionly.spec;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Location;
import dev.apionly.spec.YamlNode.Entry;
import dev.apionly.spec.YamlNode.MapNode;
import dev.apionly.spec.YamlNode.ScalarNode;
import dev.apionly.spec.YamlNode.SeqNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a spec that holds something shaped like a secret: a private key, a password, an OAuth
 * consumer secret or key, an access token. Specs live in git; secrets never may. The value is never
 * echoed: the diagnostic quotes no source line, and a file with a secret reports nothing else, so
 * no other message can quote that line either.
 */
public final class Secrets {

  /**
   * How keys whose value is a secret end, once lower-cased without separators: {@code password},
   * {@code client_secret}, {@code apiKey}. Only the end counts, so {@code ManagePasswordPolicies}
   * (a permission) and {@code Token__c} (an object) are names, not secrets.
   */
  private static final List<String> SECRET_KEY_ENDINGS =
      List.of(
          "password",
          "passwd",
          "passphrase",
          "secret",
          "token",
          "privatekey",
          "apikey",
          "consumerkey",
          "credentialvalue",
          "secretkey",
          "secretvalue",
          "passwordvalue",
          "tokenvalue");

  /**
   * Values that are secrets wherever they stand, each with what it looks like. Runs of characters
   * are matched possessively and then tested, so a megabyte of letters is scanned in linear time.
   */
  private static final List<Shape> SHAPES =
      List.of(
          new Shape(Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY"), "a private key"),
          new Shape(
              Pattern.compile(
                  "(?i)\\b(password|passwd|pwd|passcode|passphrase)\\s*+[:=]\\s*+['\"]?[^\\s'\"]{4}"),
              "a password"),
          new Shape(Pattern.compile("\\b3MVG9[A-Za-z0-9._]{40}"), "an OAuth consumer key"),
          new Shape(
              Pattern.compile("\\b00D[A-Za-z0-9]{12,15}+![A-Za-z0-9._]{20}"),
              "a Salesforce access token"),
          new Shape(
              Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}+\\.[A-Za-z0-9_-]{8,}+\\."),
              "a signed token (JWT)"),
          new Shape(Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"), "a cloud access key"),
          new Shape(
              Pattern.compile("\\b[A-Fa-f0-9]{40,}+\\b"),
              run -> has(run, Character::isDigit) && has(run, Character::isLetter),
              "a consumer secret or hash key"),
          new Shape(
              Pattern.compile("[A-Za-z0-9+/=-]{40,}+"),
              Secrets::looksRandom,
              "a generated secret"));

  /** A mapping key at the start of a line, as written before YAML parses it. */
  private static final Pattern LINE_KEY =
      Pattern.compile("^(\\s*(?:-\\s+)?)[\"']?([A-Za-z0-9_.-]+)[\"']?\\s*:(?:\\s|$)");

  /** A pattern, a test of what it matched, and what a match looks like to a reader. */
  /** A sequence item at the start of a line. */
  private static final Pattern LIST_ITEM = Pattern.compile("^\\s*-\\s+");

  private record Shape(Pattern pattern, Predicate<String> test, String what) {
    Shape(Pattern pattern, String what) {
      this(pattern, run -> true, what);
    }

    /** Where in {@code text} a match starts, or -1. */
    int find(String text) {
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        if (test.test(matcher.group())) {
          return matcher.start();
        }
      }
      return -1;
    }
  }

  private static boolean isSecretKey(String key) {
    StringBuilder plain = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = Character.toLowerCase(key.charAt(i));
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        plain.append(c);
      }
    }
    String ending = plain.toString();
    for (String secret : SECRET_KEY_ENDINGS) {
      if (ending.endsWith(secret)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether any {@link #SHAPES shape} could match in {@code text}: each needs a fixed marker or a
   * run of at least 40 key characters. Most text has neither, and then no pattern needs to run.
   */
  private static boolean mayHoldSecret(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean keyCharacter =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || c == '+'
              || c == '/'
              || c == '='
              || c == '-';
      run = keyCharacter ? run + 1 : 0;
      if (run >= 40
          || (c == 'p' || c == 'P')
              && (text.regionMatches(true, i, "pass", 0, 4)
                  || text.regionMatches(true, i, "pwd", 0, 3))) {
        return true;
      }
    }
    return text.contains("-----BEGIN")
        || text.contains("3MVG9")
        || text.contains("eyJ")
        || text.contains("AKIA")
        || text.contains("00D") && text.indexOf('!') >= 0;
  }

  /** Where the value of a {@code key: value} or {@code - value} line starts, or -1. */
  private static int valueStart(String line, int afterKey) {
    int at = afterKey;
    if (at < 0) {
      Matcher item = LIST_ITEM.matcher(line);
      at = item.find() ? item.end() : -1;
    }
    if (at < 0) {
      return -1;
    }
    while (at < line.length() && line.charAt(at) == ' ') {
      at++;
    }
    return at < line.length() ? at : -1;
  }

  /**
   * Mixed case and digits, changing class often: a generated key does (about two characters in
   * three), a path such as {@code /tmp/build-20240101123456/Invoice} or a long name does not.
   */
  private static boolean looksRandom(String run) {
    if (!has(run, Character::isDigit)
        || !has(run, Character::isLowerCase)
        || !has(run, Character::isUpperCase)) {
      return false;
    }
    int changes = 0;
    for (int i = 1; i < run.length(); i++) {
      if (charClass(run.charAt(i)) != charClass(run.charAt(i - 1))) {
        changes++;
      }
    }
    return changes * 3 >= run.length();
  }

  private static int charClass(char c) {
    return Character.isDigit(c)
        ? 0
        : Character.isLowerCase(c) ? 1 : Character.isUpperCase(c) ? 2 : 3;
  }

  private static boolean has(String text, IntPredicate kind) {
    return text.chars().anyMatch(kind);
  }

  private Secrets() {}

  /** Reports every secret-like key or value in {@code root}; true if there was one. */
  public static boolean scan(YamlNode root, Diagnostics diagnostics) {
    Diagnostics found = new Diagnostics();
    visit(root, found);
    found.sorted().forEach(diagnostics::add);
    return !found.isEmpty();
  }

  /**
   * Reports every secret-like key or value in the raw text of {@code file}, comments included,
   * before YAML reads it: a file that does not parse must not have its secret quoted by a syntax
   * error either. True if there was one.
   */
  public static boolean scanText(Path file, String text, Diagnostics diagnostics) {
    Diagnostics found = new Diagnostics();
    int number = 0;
    for (String line : (Iterable<String>) text.lines()::iterator) {
      number++;
      Matcher key = LINE_KEY.matcher(line);
      boolean keyed = key.find();
      if (keyed && isSecretKey(key.group(2))) {
        refuse(
            found,
            new Location(file, number, key.group(1).length() + 1),
            "key '" + Texts.abbreviate(key.group(2)) + "' names a secret");
        continue;
      }
      if (!mayHoldSecret(line)) {
        continue;
      }
      for (Shape shape : SHAPES) {
        int at = shape.find(line);
        if (at >= 0) {
          // at the start of the value that holds it, where YAML positions that value too
          int value = valueStart(line, keyed ? key.end() : -1);
          int column = (value >= 0 && at >= value ? value : at) + 1;
          refuse(
              found, new Location(file, number, column), "this value looks like " + shape.what());
          break;
        }
      }
    }
    found.sorted().forEach(diagnostics::add);
    return !found.isEmpty();
  }

  private static void visit(YamlNode node, Diagnostics found) {
    if (node instanceof MapNode map) {
      for (Entry entry : map.entries().values()) {
        if (isSecretKey(entry.key())) {
          refuse(
              found,
              entry.keyLocation(),
              "key '" + Texts.abbreviate(entry.key()) + "' names a secret");
        } else {
          check(entry.key(), entry.keyLocation(), found);
          visit(entry.value(), found);
        }
      }
    } else if (node instanceof SeqNode seq) {
      seq.items().forEach(item -> visit(item, found));
    } else if (node instanceof ScalarNode scalar) {
      check(scalar.text(), scalar.location(), found);
    }
  }

  private static void check(String text, Location location, Diagnostics found) {
    if (!mayHoldSecret(text)) {
      return;
    }
    for (Shape shape : SHAPES) {
      if (shape.find(text) >= 0) {
        refuse(found, location, "this value looks like " + shape.what());
        return;
      }
    }
  }

  private static void refuse(Diagnostics found, Location location, String what) {
    found.add(
        Diagnostic.error(
                location,
                what
                    + "; a spec must never hold a secret (it lives in git): keep it in your"
                    + " secret store and remove it from the file and its history (value not"
                    + " shown)")
            .withoutSource());
  }
}
