package dev.apionly.spec;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Location;
import dev.apionly.spec.YamlNode.Entry;
import dev.apionly.spec.YamlNode.MapNode;
import dev.apionly.spec.YamlNode.ScalarNode;
import dev.apionly.spec.YamlNode.SeqNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a spec that holds something shaped like a secret: a private key, a password, a token of a
 * well-known service, an OAuth consumer secret or key, a long random string. Specs live in git;
 * secrets never may. The value is never echoed: the diagnostic quotes no source line, and a file
 * with a secret reports nothing else, so no other message can quote that line either.
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
          "accesskey",
          "credentialvalue",
          "secretkey",
          "secretvalue",
          "passwordvalue",
          "tokenvalue");

  /**
   * Token shapes as their issuers publish them: a fixed prefix, then a run of a known alphabet and
   * length. Each is refused on its shape alone. GitHub's tokens end in a checksum, but GitHub does
   * not publish its encoding, so apionly does not rely on it: 36 letters and digits after {@code
   * ghp_} are a token whatever their last six. Runs are matched possessively, so each pattern takes
   * linear time.
   */
  private static final List<Shape> SHAPES =
      List.of(
          Shape.of("-----BEGIN", "-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY", "a private key"),
          Shape.of("PuTTY-User-Key-File-", "PuTTY-User-Key-File-\\d", "a PuTTY private key"),
          Shape.of("ghp_", "\\bghp_[A-Za-z0-9]{36}\\b", "a GitHub personal access token"),
          Shape.of("gho_", "\\bgho_[A-Za-z0-9]{36}\\b", "a GitHub OAuth access token"),
          Shape.of("ghu_", "\\bghu_[A-Za-z0-9]{36}\\b", "a GitHub user-to-server token"),
          Shape.of("ghs_", "\\bghs_[A-Za-z0-9]{36}\\b", "a GitHub server-to-server token"),
          Shape.of("ghr_", "\\bghr_[A-Za-z0-9]{36,}+\\b", "a GitHub refresh token"),
          Shape.of(
              "github_pat_",
              "\\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\\b",
              "a GitHub fine-grained personal access token"),
          Shape.of("glpat-", "\\bglpat-[A-Za-z0-9_-]{20,}+", "a GitLab personal access token"),
          Shape.of("AIza", "\\bAIza[0-9A-Za-z_-]{35}", "a Google API key"),
          Shape.of("GOCSPX-", "\\bGOCSPX-[0-9A-Za-z_-]{28}", "a Google OAuth client secret"),
          Shape.of("ya29.", "\\bya29\\.[0-9A-Za-z_-]{20,}+", "a Google OAuth access token"),
          Shape.of("npm_", "\\bnpm_[A-Za-z0-9]{36}\\b", "an npm access token"),
          Shape.of("pypi-", "\\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}+", "a PyPI upload token"),
          Shape.of("dckr_pat_", "\\bdckr_pat_[A-Za-z0-9_-]{27,}+", "a Docker Hub access token"),
          Shape.of("xox", "\\bxox[abprs]-[0-9A-Za-z-]{10,}+", "a Slack token"),
          Shape.of(
              "hooks.slack.com",
              "hooks\\.slack\\.com/services/T[A-Z0-9]++/B[A-Z0-9]++/[A-Za-z0-9]{16,}+",
              "a Slack webhook URL"),
          Shape.of("sk_live_", "\\bsk_live_[0-9A-Za-z]{24,}+", "a Stripe live secret key"),
          Shape.of("rk_live_", "\\brk_live_[0-9A-Za-z]{24,}+", "a Stripe restricted key"),
          Shape.of("sk_test_", "\\bsk_test_[0-9A-Za-z]{24,}+", "a Stripe test secret key"),
          Shape.of("whsec_", "\\bwhsec_[0-9A-Za-z+/=]{24,}+", "a Stripe webhook secret"),
          Shape.of(
              "T3BlbkFJ",
              "\\bsk-[A-Za-z0-9_-]{16,}+T3BlbkFJ[A-Za-z0-9_-]{16,}+",
              "an OpenAI API key"),
          Shape.of("sk-ant-", "\\bsk-ant-[a-z]++[0-9]{2}-[A-Za-z0-9_-]{40,}+", "an Anthropic key"),
          Shape.of("hf_", "\\bhf_[A-Za-z]{34}\\b", "a Hugging Face access token"),
          Shape.of("SG.", "\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}", "a SendGrid API key"),
          Shape.of("shp", "\\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\\b", "a Shopify access token"),
          Shape.of("_v1_", "\\bdo[opr]_v1_[a-f0-9]{64}\\b", "a DigitalOcean token"),
          Shape.of("ATATT3", "\\bATATT3[A-Za-z0-9_=-]{60,}+", "an Atlassian API token"),
          Shape.of("8Q~", "[A-Za-z0-9_.-]{3}8Q~[A-Za-z0-9_.~-]{31,}+", "an Azure client secret"),
          Shape.of("AccountKey=", "AccountKey=[A-Za-z0-9+/]{40,}+", "an Azure storage key"),
          Shape.of(
              "SharedAccessKey=",
              "SharedAccessKey=[A-Za-z0-9+/]{20,}+",
              "an Azure shared access key"),
          Shape.of("AKIA", "\\bAKIA[0-9A-Z]{16}\\b", "an AWS access key"),
          Shape.of("ASIA", "\\bASIA[0-9A-Z]{16}\\b", "an AWS temporary access key"),
          Shape.of("3MVG9", "\\b3MVG9[A-Za-z0-9._]{40,}+", "an OAuth consumer key (Salesforce)"),
          Shape.of(
              "00D", "\\b00D[A-Za-z0-9]{12,15}+![A-Za-z0-9._]{20,}+", "a Salesforce access token"),
          Shape.of("5Aep861", "\\b5Aep861[A-Za-z0-9._]{40,}+", "a Salesforce refresh token"),
          Shape.of(
              "eyJ", "\\beyJ[A-Za-z0-9_-]{8,}+\\.[A-Za-z0-9_-]{8,}+\\.", "a signed token (JWT)"),
          Shape.of(
              "://",
              "\\b[A-Za-z][A-Za-z0-9+.-]*+://[^\\s/?#@:'\"]++:[^\\s/?#@'\"]++@",
              "a URL with a password"),
          new Shape(
              null,
              Pattern.compile(
                  "(?i)\\b(?:password|passwd|pwd|passcode|passphrase)\\s*+[:=]\\s*+['\"]?+"
                      + "([^\\s'\",;]{6,}+)"),
              Secrets::looksLikePassword,
              "a password"),
          new Shape(
              null,
              Pattern.compile("(?<![A-Za-z0-9/@#-])[A-Fa-f0-9]{40,}+(?![A-Za-z0-9])"),
              match ->
                  has(match.group(), Character::isDigit) && has(match.group(), Character::isLetter),
              "a consumer secret or hash key"));

  /** The fixed text of each shape, by its first character, for the one-pass pre-screen. */
  private static final String[][] MARKERS = markers();

  /** How long a piece of a word must be before it can be a generated secret. */
  private static final int MIN_GENERATED = 32;

  /** The characters of a word, by code: a table, as every character of a spec is looked up. */
  private static final boolean[] WORD = wordCharacters();

  /** A mapping key at the start of a line, as written before YAML parses it. */
  private static final Pattern LINE_KEY =
      Pattern.compile("^(\\s*(?:-\\s+)?)[\"']?([A-Za-z0-9_.-]+)[\"']?\\s*:(?:\\s|$)");

  /** A sequence item at the start of a line. */
  private static final Pattern LIST_ITEM = Pattern.compile("^\\s*-\\s+");

  /**
   * One well-known shape: a fixed text every match holds (so a line without it is skipped), a
   * pattern, a test of what the pattern matched, and what a match is to a reader.
   */
  private record Shape(String marker, Pattern pattern, Predicate<Matcher> test, String what) {

    static Shape of(String marker, String regex, String what) {
      return new Shape(marker, Pattern.compile(regex), match -> true, what);
    }

    /** Where in {@code text} a match starts, or -1. */
    int find(String text) {
      if (marker != null && !text.contains(marker)) {
        return -1;
      }
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        if (test.test(matcher)) {
          return matcher.start();
        }
      }
      return -1;
    }
  }

  /** A shape found in a text: where it starts, and what it is. */
  private record Found(int at, String what) {}

  private Secrets() {}

  private static String[][] markers() {
    String[][] out = new String[128][];
    for (Shape shape : SHAPES) {
      if (shape.marker() != null) {
        char first = shape.marker().charAt(0);
        String[] known = out[first] == null ? new String[0] : out[first];
        String[] more = Arrays.copyOf(known, known.length + 1);
        more[known.length] = shape.marker();
        out[first] = more;
      }
    }
    return out;
  }

  /**
   * A password written in prose, {@code password: S3cr3tPa55}, but not {@code password=reset} or
   * {@code pwd=/opt/app}: a plain lower-case word, a path or a placeholder is no password.
   */
  private static boolean looksLikePassword(Matcher match) {
    String value = match.group(1);
    if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
      return false;
    }
    if (value.startsWith("$") || value.startsWith("<") || value.startsWith("{")) {
      return false;
    }
    return !value.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == '-' || c == '.');
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
   * Whether any shape could match in {@code text}, in one pass: each needs its fixed text, a
   * password word, or a word of at least {@link #MIN_GENERATED} characters. Most text has none, and
   * then no pattern needs to run.
   */
  private static boolean mayHoldSecret(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      run = isWordCharacter(c) ? run + 1 : 0;
      if (run >= MIN_GENERATED) {
        return true;
      }
      if (c < 128 && MARKERS[c] != null) {
        for (String marker : MARKERS[c]) {
          if (text.startsWith(marker, i)) {
            return true;
          }
        }
      }
      if ((c == 'p' || c == 'P')
          && (text.regionMatches(true, i, "pass", 0, 4)
              || text.regionMatches(true, i, "pwd", 0, 3))) {
        return true;
      }
    }
    return false;
  }

  /** The characters of a word that may hold a secret: a key, a path, a URL without its query. */
  private static boolean isWordCharacter(char c) {
    return c < 128 && WORD[c];
  }

  private static boolean[] wordCharacters() {
    boolean[] word = new boolean[128];
    for (char c = 0; c < 128; c++) {
      word[c] =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || "+/=_.:~\\%-".indexOf(c) >= 0;
    }
    return word;
  }

  /**
   * Where a generated secret starts in {@code text}, or -1. Words are judged by their pieces: a
   * path or URL is split at every separator, so a deep checkout path, a temporary directory or a
   * commit URL is a row of names; a word of Base64 letters only is judged whole, since its {@code
   * /} and {@code +} are letters of the key.
   */
  private static int findGenerated(String text) {
    int i = 0;
    while (i < text.length()) {
      if (!isWordCharacter(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && isWordCharacter(text.charAt(i))) {
        i++;
      }
      if (i - start >= MIN_GENERATED && generatedIn(text.substring(start, i))) {
        return start;
      }
    }
    return -1;
  }

  private static boolean generatedIn(String word) {
    boolean base64 = word.chars().allMatch(c -> c != '.' && c != ':' && c != '~' && c != '\\');
    boolean path = !base64 || word.startsWith("/") || word.indexOf('%') >= 0;
    String separators = path ? "/\\.:~%=+_-" : "_.:~%";
    int start = 0;
    for (int i = 0; i <= word.length(); i++) {
      if (i == word.length() || separators.indexOf(word.charAt(i)) >= 0) {
        if (i - start >= MIN_GENERATED && looksRandom(word.substring(start, i))) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /**
   * Mixed case and digits, changing class often: a generated key does (about two characters in
   * three), a long name or a temporary directory's number does not. Base64's {@code + / = -} are
   * neither.
   */
  private static boolean looksRandom(String piece) {
    StringBuilder plain = new StringBuilder(piece.length());
    for (int i = 0; i < piece.length(); i++) {
      char c = piece.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        plain.append(c);
      }
    }
    String run = plain.toString();
    if (run.length() < MIN_GENERATED - 4
        || !has(run, Character::isDigit)
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
    return Character.isDigit(c) ? 0 : Character.isLowerCase(c) ? 1 : 2;
  }

  private static boolean has(String text, IntPredicate kind) {
    return text.chars().anyMatch(kind);
  }

  /** The first secret shape in {@code text}, or empty: every shape, then generated secrets. */
  private static Optional<Found> find(String text) {
    if (!mayHoldSecret(text)) {
      return Optional.empty();
    }
    for (Shape shape : SHAPES) {
      int at = shape.find(text);
      if (at >= 0) {
        return Optional.of(new Found(at, shape.what()));
      }
    }
    int at = findGenerated(text);
    return at < 0 ? Optional.empty() : Optional.of(new Found(at, "a generated secret"));
  }

  /**
   * What {@code text} looks like if it holds a secret ("a GitHub personal access token"), else
   * empty: what every message checks before it quotes a value.
   */
  public static Optional<String> shapeOf(String text) {
    return find(text).map(Found::what);
  }

  /** The number of shapes apionly knows, the generated-secret test included. */
  static List<String> shapes() {
    List<String> out = new ArrayList<>();
    SHAPES.forEach(s -> out.add(s.what()));
    out.add("a generated secret");
    return out;
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
      Optional<Found> secret = find(line);
      if (secret.isPresent()) {
        // at the start of the value that holds it, where YAML positions that value too
        int at = secret.get().at();
        int value = valueStart(line, keyed ? key.end() : -1);
        int column = (value >= 0 && at >= value ? value : at) + 1;
        refuse(
            found,
            new Location(file, number, column),
            "this value looks like " + secret.get().what());
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
    find(text).ifPresent(s -> refuse(found, location, "this value looks like " + s.what()));
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
