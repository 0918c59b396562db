package dev.apionly.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Suggestions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * apionly's settings in {@code sfdx-project.json}, under {@code plugins.apionly}, where SFDX tools
 * keep theirs: the default specs directory, where apionly's own manifest goes, and the package
 * directory it writes metadata into. Each is a path relative to the project root, inside it; absent
 * means the default.
 */
public record ProjectSettings(String specs, String manifest, String packageDirectory) {

  /** The keys accepted under {@code plugins.apionly}. */
  public static final List<String> KEYS = List.of("specs", "manifest", "packageDirectory");

  /** No settings: every default. */
  public static final ProjectSettings NONE = new ProjectSettings(null, null, null);

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * The settings in {@code text}, the content of {@code file}; throws (exit 2) naming the line and
   * column of a key or value that is not accepted. {@code packageDirectories}: the project's,
   * inside it, relative to its root.
   */
  static ProjectSettings read(Path file, String text, List<String> packageDirectories) {
    Diagnostics problems = new Diagnostics();
    String[] values = new String[KEYS.size()];
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return NONE;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if (key.equals("plugins") && value == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String plugin = parser.currentName();
            JsonToken section = parser.nextToken();
            if (plugin.equals("apionly")) {
              if (section != JsonToken.START_OBJECT) {
                problems.add(error(file, parser, "plugins.apionly must be an object of settings"));
                parser.skipChildren();
              } else {
                settings(file, parser, values, packageDirectories, problems);
              }
            } else {
              parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      // sfdx-project.json itself was read before: a syntax error is reported there
      return NONE;
    }
    if (!problems.isEmpty()) {
      throw new ApionlyException(ExitCode.BAD_INPUT, problems.sorted());
    }
    return new ProjectSettings(values[0], values[1], values[2]);
  }

  private static void settings(
      Path file,
      JsonParser parser,
      String[] values,
      List<String> packageDirectories,
      Diagnostics problems)
      throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonLocation keyAt = parser.currentTokenLocation();
      JsonToken value = parser.nextToken();
      int index = KEYS.indexOf(key);
      if (index < 0) {
        problems.add(
            Diagnostic.error(
                    at(file, keyAt),
                    "unknown setting 'plugins.apionly."
                        + key
                        + "'"
                        + Suggestions.didYouMean(key, KEYS)
                        + "; accepted: "
                        + String.join(", ", KEYS))
                .withoutSource());
        parser.skipChildren();
        continue;
      }
      if (value != JsonToken.VALUE_STRING) {
        problems.add(
            error(
                file,
                parser,
                "plugins.apionly." + key + " must be a path relative to the project, as a string"));
        parser.skipChildren();
        continue;
      }
      String path = parser.getText().strip().replace('\\', '/');
      String refused = refusal(path);
      if (refused != null) {
        problems.add(error(file, parser, "plugins.apionly." + key + " " + refused));
        continue;
      }
      if (key.equals("manifest") && !path.toLowerCase(Locale.ROOT).endsWith(".xml")) {
        problems.add(
            error(
                file,
                parser,
                "plugins.apionly.manifest must name an .xml file, e.g. manifest/apionly-package.xml"));
        continue;
      }
      String taken = key.equals("manifest") ? manifestClash(path, packageDirectories) : null;
      if (taken != null) {
        problems.add(error(file, parser, "plugins.apionly.manifest " + taken));
        continue;
      }
      // one spelling per file: "./manifest/x.xml" and "manifest/x.xml" must not be two entries
      // of the state file for one file
      values[index] = Path.of(path).normalize().toString().replace('\\', '/');
    }
  }

  /**
   * Why {@code manifest} would land on a file apionly writes for another purpose, or null when it
   * would not. Compared ignoring letter case: on the file systems of macOS and Windows, {@code
   * .APIONLY/x.xml} is a file in {@code .apionly}.
   */
  private static String manifestClash(String manifest, List<String> packageDirectories) {
    String lower = Path.of(manifest).normalize().toString().toLowerCase(Locale.ROOT);
    if (lower.equals(".apionly") || lower.startsWith(".apionly/")) {
      return "is in .apionly, where apionly keeps its state and its runs; accepted: e.g."
          + " manifest/apionly-package.xml";
    }
    for (String directory : packageDirectories) {
      if (lower.startsWith(directory.toLowerCase(Locale.ROOT) + "/")) {
        return "is in the package directory "
            + directory
            + ", whose files are deployed as metadata; accepted: e.g."
            + " manifest/apionly-package.xml";
      }
    }
    // apionly names each destructive manifest after its manifest, ...-destructiveChanges.xml
    if (lower.substring(lower.lastIndexOf('/') + 1).contains("destructivechanges")) {
      return "is named like a list of components to delete (destructiveChanges), which apionly"
          + " writes beside its manifest; accepted: e.g. manifest/apionly-package.xml";
    }
    return null;
  }

  /** Why {@code path} cannot be a path inside the project, or null when it can. */
  private static String refusal(String path) {
    if (path.isEmpty()) {
      return "is empty; accepted: a path relative to the project root";
    }
    if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
      return "is an absolute path; accepted: a path relative to the project root";
    }
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        return "leaves the project ('..'); accepted: a path inside it";
      }
    }
    for (int i = 0; i < path.length(); i++) {
      if (Character.isISOControl(path.charAt(i))) {
        return "holds a control character at column " + (i + 1) + "; accepted: a plain path";
      }
    }
    return null;
  }

  private static Diagnostic error(Path file, JsonParser parser, String message) {
    return Diagnostic.error(at(file, parser.currentTokenLocation()), message).withoutSource();
  }

  private static Location at(Path file, JsonLocation location) {
    return new Location(
        file, Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
  }
}
