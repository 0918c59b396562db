package dev.apionly.metadata;

import dev.apionly.metadata.xml.PermissionSetXml;
import dev.apionly.model.MetadataType;
import dev.apionly.model.PermissionSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The permission sets a repository keeps in its package directories (source format): what a group
 * that includes one of them grants through it, although no spec describes it. Looked up by name
 * ignoring case, as Salesforce does; found and parsed only when first asked for.
 */
public final class RepositorySets {

  /** One set as its file holds it: its grants, its licence (null when it has none), its file. */
  public record Found(PermissionSet set, String license, Path file) {}

  private static final String SUFFIX = MetadataType.PERMISSION_SET.sourceSuffix();

  private static final RepositorySets NONE = new RepositorySets(List.of());

  private final List<Path> directories;

  /** Files by lower-case set name, found on first use: most runs never look a set up. */
  private Map<String, Path> files;

  private final Map<String, Optional<Found>> parsed = new TreeMap<>();
  private final List<Path> unreadable = new ArrayList<>();

  private RepositorySets(List<Path> directories) {
    this.directories = List.copyOf(directories);
  }

  /** No sets: a side of a review without a repository around it. */
  public static RepositorySets none() {
    return NONE;
  }

  /** The permission set files under {@code directories}, read when first looked up. */
  public static RepositorySets read(List<Path> directories) {
    return new RepositorySets(directories);
  }

  /** The set named {@code name}, in any letter case; empty if none, or its file does not parse. */
  public synchronized Optional<Found> get(String name) {
    if (files == null) {
      files = walk(directories);
    }
    return parsed.computeIfAbsent(key(name), this::parse);
  }

  /** Files that looked like permission sets but did not parse: their grants are unknown. */
  public synchronized List<Path> unreadable() {
    return List.copyOf(unreadable);
  }

  private Optional<Found> parse(String key) {
    Path file = files.get(key);
    if (file == null) {
      return Optional.empty();
    }
    String name = file.getFileName().toString();
    String member = name.substring(0, name.length() - SUFFIX.length());
    try {
      PermissionSetXml xml = MetadataXml.parse(readSmall(file), MetadataRoot.PERMISSION_SET);
      String license = xml.getLicense() == null ? null : xml.getLicense().strip();
      return Optional.of(
          new Found(
              MetadataXml.toModel(member, xml),
              license == null || license.isEmpty() ? null : license,
              file));
    } catch (MetadataException | IOException e) {
      unreadable.add(file);
      return Optional.empty();
    }
  }

  private static byte[] readSmall(Path file) throws IOException {
    if (Files.size(file) > MetadataXml.MAX_FILE_BYTES) {
      throw new IOException(file + " is larger than " + MetadataXml.MAX_FILE_BYTES + " bytes");
    }
    return Files.readAllBytes(file);
  }

  private static Map<String, Path> walk(List<Path> directories) {
    Map<String, Path> found = new TreeMap<>();
    SourceTree.walk(
        directories,
        file -> {
          String name = file.getFileName().toString();
          if (name.endsWith(SUFFIX)) {
            found.putIfAbsent(key(name.substring(0, name.length() - SUFFIX.length())), file);
          }
        });
    return found;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
