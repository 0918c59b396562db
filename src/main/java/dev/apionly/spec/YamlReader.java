package dev.apionly.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Location;
import dev.apionly.spec.YamlNode.Entry;
import dev.apionly.spec.YamlNode.MapNode;
import dev.apionly.spec.YamlNode.ScalarNode;
import dev.apionly.spec.YamlNode.ScalarType;
import dev.apionly.spec.YamlNode.SeqNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML file into a {@link YamlNode} tree with positions, refusing what a spec never needs
 * and an attacker might send: aliases, several documents, deep nesting, huge or binary files.
 */
public final class YamlReader {

  /** Specs are a few kilobytes; anything this large is a mistake or an attack. */
  public static final long MAX_BYTES = 1024 * 1024;

  static final int MAX_DEPTH = 20;

  private static final YAMLFactory FACTORY = createFactory();

  private YamlReader() {}

  private static YAMLFactory createFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH + 5);
    options.setCodePointLimit((int) MAX_BYTES);
    options.setAllowDuplicateKeys(true); // reported by this reader, with both positions
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    factory.setStreamReadConstraints(
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH + 5)
            .maxStringLength((int) MAX_BYTES)
            .build());
    return factory;
  }

  /** The tree of {@code file}, or empty with the reasons added to {@code diagnostics}. */
  public static Optional<YamlNode> read(Path file, Diagnostics diagnostics) {
    Location whole = Location.of(file);
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        diagnostics.error(
            whole,
            "file is "
                + Files.size(file)
                + " bytes; a spec may be at most "
                + MAX_BYTES
                + " bytes (1 MiB)");
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      diagnostics.error(whole, "cannot read file: " + e.getMessage());
      return Optional.empty();
    }
    Optional<String> text = decode(bytes);
    if (text.isEmpty()) {
      diagnostics.error(whole, "not a UTF-8 text file; a spec is YAML text in UTF-8");
      return Optional.empty();
    }
    return read(file, text.get(), diagnostics);
  }

  /** The tree of {@code text}, read as if it came from {@code file}. */
  public static Optional<YamlNode> read(Path file, String text, Diagnostics diagnostics) {
    if (text.isBlank() || text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
      diagnostics.error(Location.of(file), "file is empty; a spec is a YAML mapping with a 'name'");
      return Optional.empty();
    }
    if (Secrets.scanText(file, text, diagnostics)) {
      return Optional.empty(); // nothing else is reported, so no message can quote the secret
    }
    try (YAMLParser parser = FACTORY.createParser(new StringReader(text))) {
      Reading reading = new Reading(file, parser);
      if (parser.nextToken() == null) {
        diagnostics.error(Location.of(file), "file holds no YAML document");
        return Optional.empty();
      }
      YamlNode root = reading.node(0);
      JsonToken after = parser.nextToken();
      if (after != null) {
        diagnostics.error(
            reading.here(), "a second YAML document starts here; put one spec in each file");
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (Refused refused) {
      diagnostics.error(refused.location, refused.getMessage());
    } catch (JsonProcessingException e) {
      Location at = syntaxLocation(file, e);
      Optional<String> hint =
          e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null
              ? Indentation.syntaxHint(text, at.line(), marked.getProblem())
              : Optional.empty();
      if (hint.isPresent()) {
        // at the key or item that is out of line, not at the colon the parser stumbled on
        diagnostics.error(
            new Location(file, at.line(), Indentation.column(text, at.line())),
            "YAML indentation: " + hint.get());
      } else {
        diagnostics.error(at, syntaxMessage(e));
      }
    } catch (IOException e) {
      diagnostics.error(Location.of(file), "cannot read YAML: " + e.getMessage());
    } catch (RuntimeException e) {
      // SnakeYAML signals its own limits with unchecked exceptions
      diagnostics.error(Location.of(file), "YAML refused: " + firstLine(e.getMessage()));
    }
    return Optional.empty();
  }

  private static Optional<String> decode(byte[] bytes) {
    boolean ascii = true;
    for (byte b : bytes) {
      if (b == 0) {
        return Optional.empty();
      }
      ascii &= b > 0;
    }
    if (ascii) {
      // most specs: every byte is its character, and no decoder is needed
      return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static Location syntaxLocation(Path file, JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      return new Location(
          file, marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
    }
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1
        ? Location.of(file)
        : new Location(file, at.getLineNr(), Math.max(at.getColumnNr(), 1));
  }

  private static String syntaxMessage(JsonProcessingException e) {
    String problem =
        e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null
            ? marked.getProblem()
            : e.getOriginalMessage();
    problem = firstLine(problem);
    if (problem.contains("\\t") || problem.contains("'\t'")) {
      return "tab character in indentation; YAML indents with spaces only";
    }
    if (problem.contains("nesting depth") || problem.contains("Nesting depth")) {
      return "YAML nested deeper than " + MAX_DEPTH + " levels; a spec needs at most 5";
    }
    return "YAML syntax error: " + problem;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  /** A structural refusal (alias, depth) with its position. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    Refused(Location location, String message) {
      super(message);
      this.location = location;
    }
  }

  /** One pass over one parser's tokens. */
  private static final class Reading {
    private final Path file;
    private final YAMLParser parser;

    Reading(Path file, YAMLParser parser) {
      this.file = file;
      this.parser = parser;
    }

    Location here() {
      JsonLocation at = parser.currentTokenLocation();
      return new Location(file, Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1));
    }

    YamlNode node(int depth) throws IOException {
      Location location = here();
      if (depth > MAX_DEPTH) {
        throw new Refused(
            location, "YAML nested deeper than " + MAX_DEPTH + " levels; a spec needs at most 5");
      }
      if (parser.isCurrentAlias()) {
        throw new Refused(
            location,
            "YAML alias '*"
                + Texts.abbreviate(parser.getText())
                + "' is not accepted in specs; write the value out");
      }
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT:
          return map(location, depth);
        case START_ARRAY:
          List<YamlNode> items = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(depth + 1));
          }
          return new SeqNode(location, items);
        case VALUE_STRING:
          return new ScalarNode(location, parser.getText(), ScalarType.STRING);
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return new ScalarNode(location, parser.getText(), ScalarType.NUMBER);
        case VALUE_TRUE:
        case VALUE_FALSE:
          return new ScalarNode(location, parser.getText(), ScalarType.BOOLEAN);
        case VALUE_NULL:
          return new ScalarNode(location, "", ScalarType.NULL);
        default:
          throw new Refused(location, "unexpected YAML content " + token);
      }
    }

    private MapNode map(Location location, int depth) throws IOException {
      Map<String, Entry> entries = new LinkedHashMap<>();
      // Salesforce ignores case in API names, so Account and ACCOUNT are one key
      Map<String, Entry> byFoldedKey = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        Location keyLocation = here();
        parser.nextToken();
        YamlNode value = node(depth + 1);
        Entry entry = new Entry(key, keyLocation, value);
        Entry previous = byFoldedKey.putIfAbsent(Names.fold(key), entry);
        if (previous != null) {
          throw new Refused(
              keyLocation,
              "duplicate key '"
                  + Texts.abbreviate(key)
                  + "' (first at "
                  + previous.keyLocation().line()
                  + ":"
                  + previous.keyLocation().column()
                  + (previous.key().equals(key)
                      ? ""
                      : " as '" + Texts.abbreviate(previous.key()) + "'")
                  + "); each key may appear once, and Salesforce ignores case in API names");
        }
        entries.put(key, entry);
      }
      return new MapNode(location, entries);
    }
  }
}
