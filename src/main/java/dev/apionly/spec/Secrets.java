package dev.apionly.spec;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Location;
import dev.apionly.spec.YamlNode.Entry;
import dev.apionly.spec.YamlNode.MapNode;
import dev.apionly.spec.YamlNode.ScalarNode;
import dev.apionly.spec.YamlNode.SeqNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses a spec that holds something shaped like a secret: a private key, a password, an OAuth
 * consumer secret or key, an access token. Specs live in git; secrets never may. The value is never
 * echoed: the diagnostic quotes no source line, and a file with a secret reports nothing else, so
 * no other message can quote that line either.
 */
public final class Secrets {

  /** Keys whose value is a secret whatever it looks like. */
  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(password|passwd|passphrase|secret|token|private[_-]?key|api[_-]?key"
              + "|consumer[_-]?key|credential[_-]?value).*");

  /** Values that are secrets wherever they stand, each with what it looks like. */
  private static final List<Shape> SHAPES =
      List.of(
          new Shape(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"), "a private key"),
          new Shape(Pattern.compile("\\b3MVG9[A-Za-z0-9._]{40,}"), "an OAuth consumer key"),
          new Shape(
              Pattern.compile("\\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{20,}"),
              "a Salesforce access token"),
          new Shape(
              Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*"),
              "a signed token (JWT)"),
          new Shape(Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"), "a cloud access key"),
          new Shape(
              Pattern.compile(
                  "\\b(?=[A-Fa-f0-9]*[0-9])(?=[A-Fa-f0-9]*[A-Fa-f])[A-Fa-f0-9]{40,}\\b"),
              "a consumer secret or hash key"),
          new Shape(
              Pattern.compile(
                  "(?=[A-Za-z0-9+/=-]*[0-9])(?=[A-Za-z0-9+/=-]*[a-z])(?=[A-Za-z0-9+/=-]*[A-Z])"
                      + "[A-Za-z0-9+/=-]{40,}"),
              "a generated secret"));

  private record Shape(Pattern pattern, String what) {}

  private Secrets() {}

  /** Reports every secret-like key or value in {@code root}; true if there was one. */
  public static boolean scan(YamlNode root, Diagnostics diagnostics) {
    Diagnostics found = new Diagnostics();
    visit(root, found);
    found.sorted().forEach(diagnostics::add);
    return !found.isEmpty();
  }

  private static void visit(YamlNode node, Diagnostics found) {
    if (node instanceof MapNode map) {
      for (Entry entry : map.entries().values()) {
        if (SECRET_KEY.matcher(entry.key()).matches()) {
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
    for (Shape shape : SHAPES) {
      if (shape.pattern().matcher(text).find()) {
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
