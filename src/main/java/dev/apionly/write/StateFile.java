package dev.apionly.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record of what apionly wrote: one line per file with the integration and spec it came from
 * and the SHA-256 of the bytes written. apionly changes or deletes only files listed here whose
 * bytes are still what it wrote; everything else belongs to the user.
 */
public final class StateFile {

  /** Where the state lives, relative to the project root. Commit it with the generated files. */
  public static final String PATH = ".apionly/generated.tsv";

  private static final String HEADER =
      "# Files written by apionly; it changes or deletes only these, and only while unedited.\n"
          + "# path\tintegration\tspec\tsha256\n";

  /** One generated file. {@code integration} and {@code spec} are "-" for the manifest. */
  public record Entry(String path, String integration, String spec, String sha256) {}

  private StateFile() {}

  /** The entries of the state file under {@code root}, by path; empty when there is none. */
  public static Map<String, Entry> read(Path root) throws IOException {
    Map<String, Entry> entries = new TreeMap<>();
    Path file = root.resolve(PATH);
    if (!Files.isRegularFile(file)) {
      return entries;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t", -1);
      if (columns.length == 4) {
        entries.put(columns[0], new Entry(columns[0], columns[1], columns[2], columns[3]));
      }
    }
    return entries;
  }

  /** The text of a state file listing {@code entries}, sorted by path. */
  public static String format(Collection<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(java.util.Comparator.comparing(Entry::path));
    StringBuilder out = new StringBuilder(HEADER);
    for (Entry entry : sorted) {
      out.append(entry.path())
          .append('\t')
          .append(entry.integration())
          .append('\t')
          .append(entry.spec())
          .append('\t')
          .append(entry.sha256())
          .append('\n');
    }
    return out.toString();
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
