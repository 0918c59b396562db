package dev.apionly.generate;

import dev.apionly.metadata.MetadataException;
import dev.apionly.metadata.MetadataFiles.Manifest;
import dev.apionly.model.Component;
import dev.apionly.model.MetadataType;
import dev.apionly.write.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The components apionly removed from the project and the org still has: what {@code
 * manifest/destructiveChanges.xml} lists.
 *
 * <p>A component joins the list when a run deletes its file (its spec, its {@code mute} or its
 * {@code user} is gone). It stays on later runs, because the deletion reaches the org only when
 * that manifest is deployed, and leaves when it is generated again (deploying it and then deleting
 * it would lose it) or when the user says the deletions were deployed. Removed grants never need
 * it: deploying a permission set (API 40.0 and later) replaces its whole content.
 */
final class Deletions {

  private Deletions() {}

  /**
   * The components to delete: those whose files the previous run wrote and this one does not, plus
   * those the existing manifest lists (unless {@code deployed}), less every component this run
   * writes.
   */
  static SortedSet<Component> pending(
      Path root,
      String manifestPath,
      Map<String, StateFile.Entry> previous,
      Collection<String> desiredPaths,
      boolean deployed) {
    SortedSet<Component> wanted = components(desiredPaths);
    SortedSet<Component> out = components(previous.keySet());
    if (!deployed) {
      listed(root, manifestPath, previous.get(manifestPath)).ifPresent(out::addAll);
    }
    out.removeAll(wanted);
    return out;
  }

  private static SortedSet<Component> components(Collection<String> paths) {
    SortedSet<Component> out = new TreeSet<>();
    paths.forEach(p -> MetadataType.ofPath(p).ifPresent(out::add));
    return out;
  }

  /**
   * What the manifest apionly wrote lists, if it is still as written. An edited or unreadable one
   * is not trusted; the write stage then refuses to replace it and says why.
   */
  private static Optional<SortedSet<Component>> listed(
      Path root, String manifestPath, StateFile.Entry entry) {
    Path file = root.resolve(manifestPath);
    if (entry == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (!StateFile.sha256(bytes).equals(entry.sha256())) {
        return Optional.empty();
      }
      SortedSet<Component> out = new TreeSet<>();
      Manifest.read(bytes)
          .members()
          .forEach(
              (name, members) ->
                  MetadataType.ofTypeName(name)
                      .ifPresent(t -> members.forEach(m -> out.add(new Component(t, m)))));
      return Optional.of(out);
    } catch (MetadataException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
