package dev.apionly.write;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.json.JsonTree;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The {@code replacements} array of {@code sfdx-project.json}, read with the offsets of its text so
 * that apionly can change its own entries and leave every other byte of the file as it was.
 *
 * <p>apionly's entries are those whose {@code replaceWithFile} lies under {@link #VALUES}, a folder
 * only apionly writes. The sf CLI applies an entry to every source file whose absolute path ends
 * with its {@code filename}, or matches {@code **}{@code /GLOB}; an entry of the user's that would
 * reach a file apionly generates is refused, since it would deploy something other than what the
 * spec and the review say.
 */
public final class SfdxReplacements {

  /** Where apionly keeps the values its entries put in place, one file per environment and user. */
  public static final String VALUES = ".apionly/environments/";

  private static final String KEY = "replacements";
  private static final String DEFAULT_INDENT = "  ";

  /**
   * One entry of apionly's: in {@code filename}, when {@code APIONLY_ENV} is {@code environment},
   * {@code stringToReplace} becomes the contents of {@code replaceWithFile}.
   */
  public record Entry(
      String filename,
      String stringToReplace,
      String replaceWithFile,
      String variable,
      String environment) {

    public Entry {
      Objects.requireNonNull(filename, "filename");
      Objects.requireNonNull(stringToReplace, "stringToReplace");
      Objects.requireNonNull(replaceWithFile, "replaceWithFile");
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(environment, "environment");
    }

    /** The order apionly writes its entries in: by value file, then by target. */
    static final Comparator<Entry> ORDER =
        Comparator.comparing(Entry::replaceWithFile).thenComparing(Entry::filename);
  }

  /** One element of the array: where its text is, and whether it is apionly's. */
  private record Element(int start, int end, Location location, JsonNode node, boolean ours) {}

  private final Path file;
  private final String text;
  private final Path root;
  // the array's '[' and the offset just past its ']'; -1 when the key is absent
  private final int arrayStart;
  private final int arrayEnd;
  // the key's own offset, the end of the member before it (-1 if none), the start of the next key
  private final int keyStart;
  private final int previousEnd;
  private final int nextKeyStart;
  // where a new key goes (just past the last member's value) and how members are indented
  private final int lastMemberEnd;
  private final String keyIndent;
  private final String newline;
  private final List<Element> elements;

  private SfdxReplacements(
      Path file,
      String text,
      int arrayStart,
      int arrayEnd,
      int keyStart,
      int previousEnd,
      int nextKeyStart,
      int lastMemberEnd,
      String keyIndent,
      List<Element> elements) {
    this.file = file;
    this.text = text;
    this.root = file.toAbsolutePath().getParent();
    this.arrayStart = arrayStart;
    this.arrayEnd = arrayEnd;
    this.keyStart = keyStart;
    this.previousEnd = previousEnd;
    this.nextKeyStart = nextKeyStart;
    this.lastMemberEnd = lastMemberEnd;
    this.keyIndent = keyIndent;
    this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    this.elements = List.copyOf(elements);
  }

  /**
   * The replacements of the project file {@code file} whose text is {@code text}. Throws (exit 2)
   * when the text is not JSON, or {@code replacements} is not a list of mappings.
   */
  public static SfdxReplacements parse(Path file, String text) {
    try (JsonParser parser = JsonTree.parser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw refusal(file, parser.currentTokenLocation(), "is not a JSON object");
      }
      int arrayStart = -1;
      int arrayEnd = -1;
      int keyStart = -1;
      int previousEnd = -1;
      int nextKeyStart = -1;
      int lastMemberEnd = -1;
      String keyIndent = null;
      List<Element> elements = new ArrayList<>();
      boolean afterKey = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        int memberStart = offset(parser.currentTokenLocation());
        if (keyIndent == null) {
          keyIndent = indentation(text, memberStart);
        }
        if (afterKey) {
          nextKeyStart = memberStart;
          afterKey = false;
        }
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!KEY.equals(name)) {
          if (value == JsonToken.VALUE_STRING) {
            parser.getText(); // a string is read lazily: read it, to know where it ends
          }
          parser.skipChildren();
          lastMemberEnd = offset(parser.currentLocation());
          continue;
        }
        if (keyStart >= 0) {
          throw refusal(
              file,
              parser.currentTokenLocation(),
              "has a second '" + KEY + "' key; the sf CLI reads only one");
        }
        keyStart = memberStart;
        previousEnd = lastMemberEnd;
        if (value != JsonToken.START_ARRAY) {
          throw refusal(
              file,
              parser.currentTokenLocation(),
              "'"
                  + KEY
                  + "' must be a list of entries such as {\"filename\": …, \"stringToReplace\": …,"
                  + " \"replaceWithFile\": …}, found "
                  + kind(value));
        }
        arrayStart = offset(parser.currentTokenLocation());
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          JsonLocation at = parser.currentTokenLocation();
          int start = offset(at);
          Location location = location(file, at);
          if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw refusal(
                file,
                at,
                "'"
                    + KEY
                    + "["
                    + index
                    + "]' must be a mapping such as {\"filename\": …, \"stringToReplace\": …,"
                    + " \"replaceWithFile\": …}, found "
                    + kind(parser.currentToken()));
          }
          JsonNode node = JsonTree.read(parser);
          int end = offset(parser.currentLocation());
          elements.add(new Element(start, end, location, node, isOurs(node)));
          index++;
        }
        arrayEnd = offset(parser.currentLocation());
        lastMemberEnd = arrayEnd;
        afterKey = true;
      }
      return new SfdxReplacements(
          file,
          text,
          arrayStart,
          arrayEnd,
          keyStart,
          previousEnd,
          nextKeyStart,
          lastMemberEnd,
          keyIndent == null ? DEFAULT_INDENT : keyIndent,
          elements);
    } catch (JsonProcessingException e) {
      throw refusal(
          file,
          e.getLocation(),
          "is not valid JSON (the sf CLI accepts no comments either): " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(file), "cannot read: " + e.getMessage());
    }
  }

  private static boolean isOurs(JsonNode node) {
    JsonNode value = node.get("replaceWithFile");
    return value != null && value.isTextual() && normalise(value.asText()).startsWith(VALUES);
  }

  private static String normalise(String path) {
    String slashes = path.replace('\\', '/');
    return slashes.startsWith("./") ? slashes.substring(2) : slashes;
  }

  /** apionly's entries as they are in the file now; an entry it cannot read is left out. */
  public List<Entry> ours() {
    List<Entry> out = new ArrayList<>();
    for (Element element : elements) {
      if (!element.ours()) {
        continue;
      }
      JsonNode node = element.node();
      JsonNode when = node.path("replaceWhenEnv").path(0);
      if (node.path("filename").isTextual()
          && node.path("stringToReplace").isTextual()
          && when.path("env").isTextual()
          && when.path("value").isTextual()) {
        out.add(
            new Entry(
                node.get("filename").asText(),
                node.get("stringToReplace").asText(),
                normalise(node.get("replaceWithFile").asText()),
                when.get("env").asText(),
                when.get("value").asText()));
      }
    }
    return out;
  }

  /**
   * Reports, into {@code problems}, every entry of the user's that the sf CLI would apply to one of
   * {@code generated} (paths relative to the project root, with '/').
   */
  public void checkNoClash(Collection<String> generated, Diagnostics problems) {
    int index = -1;
    for (Element element : elements) {
      index++;
      if (element.ours()) {
        continue;
      }
      JsonNode node = element.node();
      JsonNode filename = node.get("filename");
      JsonNode glob = node.get("glob");
      PathMatcher matcher = null;
      if (glob != null && glob.isTextual()) {
        try {
          matcher = FileSystems.getDefault().getPathMatcher("glob:**/" + glob.asText());
        } catch (IllegalArgumentException e) {
          problems.error(
              element.location(),
              "'"
                  + KEY
                  + "["
                  + index
                  + "]' has a glob apionly cannot read ("
                  + e.getMessage()
                  + "), so it cannot tell whether it reaches a file apionly generates");
          continue;
        }
      }
      for (String path : generated) {
        String absolute = root.resolve(path).toString().replace('\\', '/');
        boolean byName =
            filename != null
                && filename.isTextual()
                && !filename.asText().isEmpty()
                && absolute.endsWith(filename.asText());
        boolean byGlob = matcher != null && matcher.matches(root.resolve(path));
        if (byName || byGlob) {
          problems.error(
              element.location(),
              "'"
                  + KEY
                  + "["
                  + index
                  + "]' ("
                  + (byName ? "filename" : "glob")
                  + ") targets "
                  + path
                  + ", a file apionly generates: a replacement there would deploy other access"
                  + " than the spec and its review say. Put the value in the spec, or narrow the"
                  + " entry to your own files");
          break;
        }
      }
    }
  }

  /** The file's text with apionly's entries exactly {@code wanted}, every other byte as it was. */
  public String withOurs(List<Entry> wanted) {
    List<Entry> sorted = wanted.stream().sorted(Entry.ORDER).distinct().toList();
    if (arrayStart < 0) {
      if (sorted.isEmpty()) {
        return text;
      }
      String elementIndent = keyIndent + unit();
      StringBuilder member =
          new StringBuilder(",")
              .append(newline)
              .append(keyIndent)
              .append('"')
              .append(KEY)
              .append("\": [");
      for (int i = 0; i < sorted.size(); i++) {
        member.append(i == 0 ? "" : ",").append(newline).append(elementIndent);
        member.append(format(sorted.get(i), elementIndent));
      }
      member.append(newline).append(keyIndent).append(']');
      return text.substring(0, lastMemberEnd) + member + text.substring(lastMemberEnd);
    }
    List<Element> users = elements.stream().filter(e -> !e.ours()).toList();
    if (sorted.isEmpty() && users.size() == elements.size()) {
      return text; // none of apionly's before or after: the user's list stays as written
    }
    if (users.isEmpty() && sorted.isEmpty()) {
      return withoutKey();
    }
    String memberIndent = indentation(text, keyStart);
    String elementIndent = memberIndent + unit();
    String separator = "," + newline + elementIndent;
    String leading =
        elements.isEmpty()
            ? newline + elementIndent
            : text.substring(arrayStart + 1, elements.get(0).start());
    String trailing =
        elements.isEmpty()
            ? newline + memberIndent
            : text.substring(elements.get(elements.size() - 1).end(), arrayEnd - 1);
    StringBuilder body = new StringBuilder();
    Element previous = null;
    for (Element element : elements) {
      if (element.ours()) {
        previous = null;
        continue;
      }
      if (!body.isEmpty()) {
        // two of the user's entries side by side keep what was between them
        body.append(previous != null ? text.substring(previous.end(), element.start()) : separator);
      }
      body.append(text, element.start(), element.end());
      previous = element;
    }
    for (Entry entry : sorted) {
      if (!body.isEmpty()) {
        body.append(separator);
      }
      body.append(format(entry, elementIndent));
    }
    String array = "[" + leading + body + trailing + "]";
    return text.substring(0, arrayStart) + array + text.substring(arrayEnd);
  }

  /** The text without the key, when the list held only apionly's entries. */
  private String withoutKey() {
    if (previousEnd >= 0) {
      return text.substring(0, previousEnd) + text.substring(arrayEnd);
    }
    if (nextKeyStart >= 0) {
      return text.substring(0, keyStart) + text.substring(nextKeyStart);
    }
    return text.substring(0, keyStart) + text.substring(arrayEnd);
  }

  /** One indentation step: the members' own, or two spaces when they sit on the brace's line. */
  private String unit() {
    return keyIndent.isEmpty() ? DEFAULT_INDENT : keyIndent;
  }

  private String format(Entry entry, String indent) {
    String inner = indent + unit();
    return "{"
        + newline
        + inner
        + "\"filename\": "
        + quote(entry.filename())
        + ","
        + newline
        + inner
        + "\"stringToReplace\": "
        + quote(entry.stringToReplace())
        + ","
        + newline
        + inner
        + "\"replaceWithFile\": "
        + quote(entry.replaceWithFile())
        + ","
        + newline
        + inner
        + "\"replaceWhenEnv\": [{ \"env\": "
        + quote(entry.variable())
        + ", \"value\": "
        + quote(entry.environment())
        + " }]"
        + newline
        + indent
        + "}";
  }

  private static String quote(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }

  /** The white space before {@code offset} on its line, or "" when something else precedes it. */
  private static String indentation(String text, int offset) {
    int start = offset;
    while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
      start--;
    }
    boolean ownLine =
        start == 0 || text.charAt(start - 1) == '\n' || text.charAt(start - 1) == '\r';
    return ownLine ? text.substring(start, offset) : "";
  }

  private static int offset(JsonLocation location) {
    return (int) location.getCharOffset();
  }

  private static String kind(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "a mapping";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }

  private static Location location(Path file, JsonLocation at) {
    return at == null
        ? Location.of(file)
        : new Location(file, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
  }

  private static ApionlyException refusal(Path file, JsonLocation at, String message) {
    return ApionlyException.of(
        ExitCode.BAD_INPUT,
        location(file, at),
        message + "; nothing was written (apionly edits only its own entries of this file)");
  }
}
