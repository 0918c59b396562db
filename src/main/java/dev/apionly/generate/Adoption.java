package dev.apionly.generate;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Location;
import dev.apionly.metadata.MetadataException;
import dev.apionly.metadata.MetadataXml;
import dev.apionly.metadata.Unexpressed;
import dev.apionly.model.Component;
import dev.apionly.model.Grant;
import dev.apionly.model.Grants;
import dev.apionly.model.MetadataType;
import dev.apionly.model.PermissionSetGroup;
import dev.apionly.write.CaseAliases;
import dev.apionly.write.OutputFile;
import dev.apionly.write.ProjectWriter;
import dev.apionly.write.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Taking over what {@code apionly import} imported: a permission set, muting set or group that sits
 * where generate writes, that apionly did not write, and whose grants the spec reproduces
 * (formatting may differ) becomes apionly's, rewritten in canonical form. One whose grants differ
 * is refused, naming what differs.
 */
final class Adoption {

  /** How many differing grants a refusal names before it says how many more there are. */
  private static final int SHOWN = 5;

  private Adoption() {}

  /**
   * State entries for the files of {@code desired} that apionly may take over, each with the hash
   * of the file as it is (so the plan sees it as apionly's and rewrites it); a note for each, an
   * error in {@code problems} for each that the spec does not reproduce.
   */
  static Map<String, StateFile.Entry> adopt(
      Path root,
      Map<String, StateFile.Entry> previous,
      List<OutputFile> desired,
      Diagnostics notes,
      Diagnostics problems) {
    Map<String, StateFile.Entry> adopted = new HashMap<>();
    CaseAliases aliases = CaseAliases.of(previous.keySet());
    for (OutputFile file : desired) {
      Optional<Component> component = MetadataType.ofPath(file.path());
      if (previous.containsKey(file.path()) || component.isEmpty() || !adoptable(component.get())) {
        continue;
      }
      Path target = root.resolve(file.path());
      // a link is the writer's to refuse; nothing is read through one
      if (ProjectWriter.linkOnTheWay(root, file.path())
          || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (aliases.of(root, file.path()).isPresent()) {
        continue; // apionly's own file, renamed in letter case on a filesystem that ignores it
      }
      byte[] current;
      try {
        if (Files.size(target) > MetadataXml.MAX_FILE_BYTES) {
          problems.add(
              Diagnostic.error(
                      Location.of(target),
                      "exists but was not written by apionly, and is "
                          + Files.size(target)
                          + " bytes, more than the "
                          + MetadataXml.MAX_FILE_BYTES
                          + " apionly reads of a metadata file; apionly never overwrites your"
                          + " files: move it away")
                  .withoutSource());
          continue;
        }
        current = Files.readAllBytes(target);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Location where = Location.of(target);
      Optional<String> difference;
      List<String> dropped;
      try {
        difference = difference(component.get(), current, file.bytes());
        dropped = dropped(component.get(), current);
      } catch (MetadataException e) {
        problems.add(
            Diagnostic.error(
                    where,
                    "exists but was not written by apionly, and cannot be read as a "
                        + component.get().type().typeName()
                        + " ("
                        + e.getMessage()
                        + "); apionly never overwrites your files: move it away")
                .withoutSource());
        continue;
      }
      if (difference.isPresent()) {
        problems.add(
            Diagnostic.error(
                    where,
                    "exists but was not written by apionly, and the spec does not reproduce it: "
                        + difference.get()
                        + "; make the spec grant exactly what the file grants ('apionly import'"
                        + " writes such a spec), or move the file away")
                .withoutSource());
        continue;
      }
      adopted.put(
          file.path(), new StateFile.Entry(file.path(), file.owner(), StateFile.sha256(current)));
      notes.add(
          Diagnostic.note(
                  where,
                  "adopted: not written by apionly, but its grants are the spec's; apionly owns it"
                      + " from now on"
                      + (java.util.Arrays.equals(current, file.bytes())
                          ? ""
                          : " and writes it in its canonical form")
                      + (dropped.isEmpty()
                          ? ""
                          : ", which drops what a spec cannot express: " + list(dropped)))
              .withoutSource());
    }
    return adopted;
  }

  /** What the file holds that the canonical form, written from the spec, will not. */
  private static List<String> dropped(Component component, byte[] existing)
      throws MetadataException {
    return switch (component.type().adoption()) {
      case GRANTS -> Unexpressed.ofPermissionSet(existing);
      case MEMBERS ->
          Unexpressed.ofGroup(existing).stream()
              // a muting set of the group is compared as a member, not dropped
              .filter(line -> !line.startsWith("mutingPermissionSets "))
              .toList();
      case MUTED_GRANTS, NONE -> List.of();
    };
  }

  private static boolean adoptable(Component component) {
    return component.type().adoption() != MetadataType.Adoption.NONE;
  }

  /**
   * What {@code existing} grants that {@code rendered} does not, and the reverse; empty if none.
   */
  private static Optional<String> difference(Component component, byte[] existing, byte[] rendered)
      throws MetadataException {
    String name = component.member();
    return switch (component.type().adoption()) {
      case GRANTS ->
          grants(
              Grants.of(MetadataXml.permissionSet(name, existing)),
              Grants.of(MetadataXml.permissionSet(name, rendered)));
      case MUTED_GRANTS ->
          grants(
              Grants.of(MetadataXml.mutingPermissionSet(name, existing)),
              Grants.of(MetadataXml.mutingPermissionSet(name, rendered)));
      case MEMBERS ->
          members(
              MetadataXml.permissionSetGroup(name, existing),
              MetadataXml.permissionSetGroup(name, rendered));
      case NONE -> Optional.of("apionly takes over only permission sets, muting sets and groups");
    };
  }

  private static Optional<String> grants(SortedSet<Grant> existing, SortedSet<Grant> rendered) {
    SortedSet<Grant> onlyFile = new TreeSet<>(existing);
    onlyFile.removeAll(rendered);
    SortedSet<Grant> onlySpec = new TreeSet<>(rendered);
    onlySpec.removeAll(existing);
    return describe(
        onlyFile.stream().map(Grant::toString).toList(),
        onlySpec.stream().map(Grant::toString).toList(),
        "grants");
  }

  private static Optional<String> members(
      PermissionSetGroup existing, PermissionSetGroup rendered) {
    List<String> file = new ArrayList<>(keys(existing.permissionSets(), "permission set "));
    file.addAll(keys(existing.mutingPermissionSets(), "muting permission set "));
    List<String> spec = new ArrayList<>(keys(rendered.permissionSets(), "permission set "));
    spec.addAll(keys(rendered.mutingPermissionSets(), "muting permission set "));
    List<String> onlyFile = file.stream().filter(m -> !contains(spec, m)).toList();
    List<String> onlySpec = spec.stream().filter(m -> !contains(file, m)).toList();
    return describe(onlyFile, onlySpec, "holds");
  }

  private static List<String> keys(List<String> names, String noun) {
    return names.stream().map(n -> noun + n).sorted().toList();
  }

  /** Salesforce compares API names ignoring case: so does a group's membership here. */
  private static boolean contains(List<String> members, String member) {
    return members.stream()
        .anyMatch(m -> m.toLowerCase(Locale.ROOT).equals(member.toLowerCase(Locale.ROOT)));
  }

  private static Optional<String> describe(
      List<String> onlyFile, List<String> onlySpec, String verb) {
    if (onlyFile.isEmpty() && onlySpec.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    if (!onlyFile.isEmpty()) {
      parts.add("the file " + verb + " " + list(onlyFile) + " that the spec does not");
    }
    if (!onlySpec.isEmpty()) {
      parts.add("the spec " + verb + " " + list(onlySpec) + " that the file does not");
    }
    return Optional.of(String.join("; ", parts));
  }

  private static String list(List<String> items) {
    String shown = String.join(", ", items.subList(0, Math.min(SHOWN, items.size())));
    return items.size() > SHOWN ? shown + " and " + (items.size() - SHOWN) + " more" : shown;
  }
}
