package dev.apionly.write;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The record of what apionly wrote: one line per file with the integration and spec it came from
 * and the SHA-256 of the bytes written. apionly changes or deletes only files listed here whose
 * bytes are still what it wrote; everything else belongs to the user.
 *
 * <p>The file is committed and so may be edited in a pull request: a line is trusted only if its
 * path is one apionly could have written itself, and any other line stops the run.
 */
public final class StateFile {

  /** Where the state lives, relative to the project root. Commit it with the generated files. */
  public static final String PATH = ".apionly/generated.tsv";

  private static final String HEADER =
      "# Files written by apionly; it changes or deletes only these, and only while unedited.\n"
          + "# path\tintegration\tspec\tsha256\n";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern INTEGRATION = Pattern.compile("-|[A-Za-z][A-Za-z0-9_]{0,254}");
  private static final int COLUMNS = 4;

  /** The integration and spec columns of a shared file, which no one integration owns. */
  private static final String SHARED = "-";

  /** One generated file: its owner (none for the manifests), and the SHA-256 apionly wrote. */
  public record Entry(String path, Optional<Owner> owner, String sha256) {}

  private StateFile() {}

  /**
   * The entries of the state file under {@code root}, by path; empty when there is none. Every line
   * must list a path {@code owned} accepts (the paths apionly generates); otherwise the run stops
   * (exit 2) naming the line, before anything is read through it or deleted.
   */
  public static Map<String, Entry> read(Path root, Pattern owned) throws IOException {
    Map<String, Entry> entries = new TreeMap<>();
    Path file = root.resolve(PATH);
    ProjectPaths.checkNoLink(root, PATH);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return entries;
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw ProjectPaths.refusal(file, "is not a regular file; apionly keeps its state there");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw ProjectPaths.refusal(file, "is not UTF-8 text; restore it from git");
    }
    Diagnostics problems = new Diagnostics();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Location where = new Location(file, i + 1, 1);
      String problem = problem(line, owned, entries);
      if (problem != null) {
        problems.add(
            Diagnostic.error(
                    where,
                    problem
                        + "; apionly reads, writes and deletes nothing through this line: restore"
                        + " the file from git or remove the line")
                .withoutSource());
        continue;
      }
      String[] columns = line.split("\t", -1);
      Optional<Owner> owner =
          columns[1].equals(SHARED)
              ? Optional.empty()
              : Optional.of(new Owner(columns[1], unescape(columns[2])));
      entries.put(columns[0], new Entry(columns[0], owner, columns[3]));
    }
    problems.throwIfErrors(ExitCode.BAD_INPUT);
    return entries;
  }

  private static String problem(String line, Pattern owned, Map<String, Entry> seen) {
    String[] columns = line.split("\t", -1);
    if (columns.length != COLUMNS) {
      return "expected "
          + COLUMNS
          + " columns separated by tabs (path, integration, spec, sha256), found "
          + columns.length;
    }
    String path = columns[0];
    if (!owned.matcher(path).matches()) {
      return "'"
          + ProjectPaths.printable(path)
          + "' is not a path apionly generates (its own folders and file names, inside the"
          + " project)";
    }
    if (seen.containsKey(path)) {
      return "'" + path + "' is listed twice";
    }
    if (!INTEGRATION.matcher(columns[1]).matches()) {
      return "integration '" + ProjectPaths.printable(columns[1]) + "' is not an API name or '-'";
    }
    if (controlCharacter(columns[2])) {
      return "the spec column holds a control character";
    }
    if (!SHA256.matcher(columns[3]).matches()) {
      return "'" + ProjectPaths.printable(columns[3]) + "' is not a SHA-256 (64 hex digits)";
    }
    return null;
  }

  /** The text of a state file listing {@code entries}, sorted by path. */
  public static String format(Collection<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(java.util.Comparator.comparing(Entry::path));
    StringBuilder out = new StringBuilder(HEADER);
    for (Entry entry : sorted) {
      String integration = entry.owner().map(Owner::integration).orElse(SHARED);
      if (controlCharacter(entry.path()) || controlCharacter(integration)) {
        throw new IllegalArgumentException("control character in a generated path or name");
      }
      out.append(entry.path())
          .append('\t')
          .append(integration)
          .append('\t')
          .append(escape(entry.owner().map(Owner::spec).orElse(SHARED)))
          .append('\t')
          .append(entry.sha256())
          .append('\n');
    }
    return out.toString();
  }

  /**
   * A spec path as one column: a backslash and control characters escaped, so that no file name can
   * add a column or a line.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
        out.append('\\');
        i++;
      } else if (c == '\\'
          && i + 3 < text.length()
          && text.charAt(i + 1) == 'x'
          && hex(text, i + 2)) {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean hex(String text, int at) {
    return Character.digit(text.charAt(at), 16) >= 0
        && Character.digit(text.charAt(at + 1), 16) >= 0;
  }

  private static boolean controlCharacter(String text) {
    return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
