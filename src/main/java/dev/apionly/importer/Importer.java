package dev.apionly.importer;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.metadata.MetadataException;
import dev.apionly.metadata.MetadataXml;
import dev.apionly.metadata.PermissionSetGroupXml;
import dev.apionly.metadata.PermissionSetXml;
import dev.apionly.model.AccessList;
import dev.apionly.model.FieldAccess;
import dev.apionly.model.Grant;
import dev.apionly.model.GrantKind;
import dev.apionly.model.ObjectAccess;
import dev.apionly.model.ObjectVerb;
import dev.apionly.model.PermissionSet;
import dev.apionly.model.RiskLevel;
import dev.apionly.model.Salesforce;
import dev.apionly.model.UserPermissions;
import dev.apionly.policy.Linter;
import dev.apionly.policy.RiskCatalogue;
import dev.apionly.spec.Names;
import dev.apionly.spec.ProjectConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * Reads permission set and permission set group XML (source format or metadata-API format, any
 * order, any API version) and writes one spec per set, grants exact. Risky grants are kept and
 * marked for review; what a spec cannot express is listed, never dropped silently.
 */
public final class Importer {

  /** The owner every imported spec starts with: a person must name the real one. */
  public static final String OWNER_PLACEHOLDER = "TODO: the team that answers for this access";

  private static final List<String> SET_SUFFIXES =
      List.of(".permissionset-meta.xml", ".permissionset");
  private static final List<String> GROUP_SUFFIXES =
      List.of(".permissionsetgroup-meta.xml", ".permissionsetgroup");
  private static final Pattern MANAGED = Pattern.compile("[A-Za-z][A-Za-z0-9]*__[A-Za-z].*");

  /** What one import produced: the specs, the {@code apionly.yaml}, and notes for the user. */
  public record Result(List<ImportedSpec> specs, String config, List<Diagnostic> notes) {}

  private final Diagnostics diagnostics;
  private final List<ImportedSpec> specs = new ArrayList<>();
  private final Set<String> critical = new TreeSet<>();
  private final RiskCatalogue catalogue = new RiskCatalogue(ProjectConfig.none());

  private Importer(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Imports every permission set (group) file under {@code inputs}; throws (exit 2) on bad XML. */
  public static Result read(List<Path> inputs) {
    Diagnostics diagnostics = new Diagnostics();
    Importer importer = new Importer(diagnostics);
    List<Path> files = files(inputs, diagnostics);
    if (files.isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.error(
          Location.of(inputs.get(0)),
          "no permission set or group file found; accepted: *.permissionset-meta.xml,"
              + " *.permissionset, *.permissionsetgroup-meta.xml, *.permissionsetgroup");
    }
    for (Path file : files) {
      importer.importFile(file);
    }
    Map<String, ImportedSpec> byName = new HashMap<>();
    for (ImportedSpec spec : importer.specs) {
      ImportedSpec first = byName.putIfAbsent(spec.name().toLowerCase(java.util.Locale.ROOT), spec);
      if (first != null) {
        diagnostics.error(
            Location.of(Path.of(spec.fileName())),
            "two imported sets become the spec name '" + spec.name() + "'; import them separately");
      }
    }
    diagnostics.throwIfErrors(ExitCode.BAD_INPUT);
    return new Result(List.copyOf(importer.specs), importer.config(), diagnostics.sorted());
  }

  /**
   * Writes {@code result} into {@code out}; refuses (exit 2, nothing written) to replace a file.
   */
  public static List<Path> write(Result result, Path out) {
    Map<Path, String> files = new TreeMap<>();
    result.specs().forEach(s -> files.put(out.resolve(s.fileName()), s.text()));
    files.put(out.resolve(ProjectConfig.FILE_NAME), result.config());
    Diagnostics conflicts = new Diagnostics();
    for (Path file : files.keySet()) {
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        conflicts.error(
            Location.of(file),
            "exists already; import never replaces a file: choose another --out directory");
      }
    }
    conflicts.throwIfErrors(ExitCode.BAD_INPUT);
    try {
      Files.createDirectories(out);
      for (Map.Entry<Path, String> file : files.entrySet()) {
        Files.writeString(
            file.getKey(), file.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      }
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(out), "cannot write: " + e.getMessage());
    }
    return List.copyOf(files.keySet());
  }

  private static List<Path> files(List<Path> inputs, Diagnostics diagnostics) {
    List<Path> out = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile)
              .filter(Importer::isMetadataFile)
              .sorted()
              .forEach(out::add);
        } catch (IOException | UncheckedIOException e) {
          diagnostics.error(Location.of(input), "cannot list directory: " + e.getMessage());
        }
      } else if (Files.isRegularFile(input) && isMetadataFile(input)) {
        out.add(input);
      } else {
        diagnostics.error(
            Location.of(input),
            Files.exists(input)
                ? "not a permission set or group file; accepted: *.permissionset-meta.xml,"
                    + " *.permissionset, *.permissionsetgroup-meta.xml, *.permissionsetgroup"
                : "no such file or directory");
      }
    }
    return out;
  }

  private static boolean isMetadataFile(Path file) {
    String name = file.getFileName().toString();
    return Stream.concat(SET_SUFFIXES.stream(), GROUP_SUFFIXES.stream()).anyMatch(name::endsWith);
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    for (String suffix : Stream.concat(SET_SUFFIXES.stream(), GROUP_SUFFIXES.stream()).toList()) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  private void importFile(Path file) {
    String original = baseName(file);
    if (MANAGED.matcher(original).matches()) {
      diagnostics.add(
          Diagnostic.note(
              Location.of(file),
              "skipped: '"
                  + original
                  + "' belongs to a managed package's namespace; an org cannot deploy another"
                  + " namespace's permission set"));
      return;
    }
    String name = specName(original);
    if (!name.equals(original)) {
      diagnostics.warning(
          Location.of(file),
          "'" + original + "' is not an API name apionly can create; imported as '" + name + "'");
    }
    boolean group = GROUP_SUFFIXES.stream().anyMatch(file.getFileName().toString()::endsWith);
    try {
      String xml = Files.readString(file, StandardCharsets.UTF_8);
      specs.add(
          group
              ? group(file, name, MetadataXml.parse(xml, PermissionSetGroupXml.class))
              : set(file, name, MetadataXml.parse(xml, PermissionSetXml.class)));
    } catch (MetadataException e) {
      diagnostics.error(new Location(file, e.line(), e.column()), e.getMessage());
    } catch (IOException e) {
      diagnostics.error(Location.of(file), "cannot read: " + e.getMessage());
    }
  }

  /** A valid spec name from a file name: other characters become '_', runs of '_' one. */
  static String specName(String original) {
    String name =
        original
            .replaceAll("[^A-Za-z0-9_]", "_")
            .replaceAll("_+", "_")
            .replaceAll("^[^A-Za-z]+", "")
            .replaceAll("_+$", "");
    if (name.isEmpty()) {
      name = "Imported";
    }
    return name.length() > Names.MAX_NAME
        ? name.substring(0, Names.MAX_NAME).replaceAll("_+$", "")
        : name;
  }

  private ImportedSpec set(Path file, String name, PermissionSetXml xml) {
    String source = file.getFileName().toString();
    String review = Linter.IMPORTED_PREFIX + source + ": review";
    PermissionSet set = MetadataXml.toModel(name, xml);
    List<String> unexpressible = unexpressible(xml.other);
    List<String> warnings = new ArrayList<>();
    if (set.license() != null && !set.license().equals(Salesforce.API_INTEGRATION_PSL)) {
      warnings.add(
          "licence '"
              + set.license()
              + "' becomes "
              + Salesforce.API_INTEGRATION_PSL
              + ": the set will be assignable to API-only integration users only");
    }
    if (Boolean.TRUE.equals(xml.hasActivationRequired)) {
      unexpressible.add(
          "hasActivationRequired: true (session-based activation is not for API-only users)");
    }

    SpecWriter yaml = header(source, unexpressible, warnings);
    yaml.name(0, "name", name);
    yaml.text(0, "label", clip(set.label(), Names.MAX_LABEL));
    if (set.description() != null && !set.description().isBlank()) {
      yaml.text(0, "description", clip(set.description().strip(), Names.MAX_DESCRIPTION));
    }
    yaml.text(0, "owner", OWNER_PLACEHOLDER);

    Map<String, ObjectAccess> objects = new TreeMap<>();
    set.objects().forEach(o -> objects.put(o.object(), o));
    Map<String, List<FieldAccess>> fields = new TreeMap<>();
    set.fields().forEach(f -> fields.computeIfAbsent(f.object(), k -> new ArrayList<>()).add(f));
    Map<String, List<String>> recordTypes = new TreeMap<>();
    for (String recordType : set.recordTypes()) {
      int dot = recordType.indexOf('.');
      if (dot > 0) {
        recordTypes
            .computeIfAbsent(recordType.substring(0, dot), k -> new ArrayList<>())
            .add(recordType.substring(dot + 1));
      }
    }
    Set<String> names = new TreeSet<>(objects.keySet());
    names.addAll(fields.keySet());
    names.addAll(recordTypes.keySet());
    if (!names.isEmpty()) {
      yaml.blank().key(0, "objects");
    }
    for (String object : names) {
      yaml.key(2, object);
      ObjectAccess access = objects.get(object);
      List<String> verbs = new ArrayList<>();
      boolean risky = false;
      for (ObjectVerb verb : ObjectVerb.values()) {
        if (access != null && access.has(verb)) {
          if (verb == ObjectVerb.EDIT && ObjectAccess.isBigObject(object)) {
            warnings.add(object + ": edit dropped (big objects have no edit)");
            continue;
          }
          verbs.add(verb.key());
          risky |=
              catalogue
                  .level(new Grant(GrantKind.OBJECT, object, verb.key()))
                  .atLeast(RiskLevel.HIGH);
        }
      }
      yaml.names(4, "access", verbs);
      if (risky) {
        yaml.text(4, "justification", review);
      }
      List<FieldAccess> objectFields = fields.getOrDefault(object, List.of());
      List<String> read =
          objectFields.stream()
              .filter(f -> !f.editable())
              .map(f -> f.field().substring(object.length() + 1))
              .toList();
      List<String> edit =
          objectFields.stream()
              .filter(FieldAccess::editable)
              .map(f -> f.field().substring(object.length() + 1))
              .toList();
      if (!read.isEmpty() || !edit.isEmpty()) {
        yaml.key(4, "fields");
        if (!read.isEmpty()) {
          yaml.names(6, "read", read);
        }
        if (!edit.isEmpty()) {
          yaml.names(6, "edit", edit);
        }
      }
      if (recordTypes.containsKey(object)) {
        yaml.names(4, "recordTypes", recordTypes.get(object));
      }
    }
    for (AccessList list : AccessList.values()) {
      List<String> entries = list.of(set);
      if (!entries.isEmpty()) {
        yaml.names(0, list.specKey(), entries);
      }
    }
    if (!set.userPermissions().isEmpty()) {
      yaml.key(0, "userPermissions");
      for (String permission : set.userPermissions()) {
        RiskLevel level = catalogue.level(new Grant(GrantKind.USER_PERMISSION, permission, ""));
        if (level == RiskLevel.CRITICAL) {
          critical.add(permission);
        }
        // what Salesforce requires with it is granted too; its critical ones must be accepted
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(permission));
        while (!pending.isEmpty()) {
          for (String needed : UserPermissions.requires(pending.pop())) {
            if (RiskCatalogue.isCritical(needed)) {
              critical.add(needed);
            }
            pending.add(needed);
          }
        }
        if (level.atLeast(RiskLevel.HIGH)) {
          yaml.justifiedItem(2, permission, review);
        } else {
          yaml.item(2, permission);
        }
      }
    }
    warnings.forEach(w -> diagnostics.warning(Location.of(file), w));
    unexpressible.forEach(u -> diagnostics.warning(Location.of(file), "not imported: " + u));
    return new ImportedSpec(name + ".yaml", name, yaml.toString(), warnings);
  }

  private ImportedSpec group(Path file, String name, PermissionSetGroupXml xml) {
    String source = file.getFileName().toString();
    List<String> unexpressible = unexpressible(xml.other);
    for (String muting : xml.mutingPermissionSets) {
      unexpressible.add(
          "mutingPermissionSets: "
              + muting.strip()
              + " (write its grants under 'mute' by hand; a muting set is not imported)");
    }
    List<String> warnings =
        List.of(
            "the spec's own permission set "
                + name
                + " is empty: the group's access is its 'include' list");
    SpecWriter yaml = header(source, unexpressible, warnings);
    yaml.name(0, "name", name);
    yaml.text(0, "label", clip(xml.label == null ? name : xml.label.strip(), Names.MAX_LABEL));
    if (xml.description != null && !xml.description.isBlank()) {
      yaml.text(0, "description", clip(xml.description.strip(), Names.MAX_DESCRIPTION));
    }
    yaml.text(0, "owner", OWNER_PLACEHOLDER);
    List<String> include =
        xml.permissionSets.stream()
            .map(String::strip)
            .filter(s -> !s.equalsIgnoreCase(name))
            .sorted()
            .toList();
    if (!include.isEmpty()) {
      yaml.names(0, "include", include);
    }
    unexpressible.forEach(u -> diagnostics.warning(Location.of(file), "not imported: " + u));
    return new ImportedSpec(name + ".yaml", name, yaml.toString(), warnings);
  }

  private static SpecWriter header(
      String source, List<String> unexpressible, List<String> warnings) {
    SpecWriter yaml = new SpecWriter();
    yaml.comment("Imported from " + source + " by apionly import.");
    yaml.comment("Review every 'Imported from' justification and the owner, then commit.");
    if (!warnings.isEmpty()) {
      yaml.comment("");
      warnings.forEach(w -> yaml.comment("Note: " + w));
    }
    if (!unexpressible.isEmpty()) {
      yaml.comment("");
      yaml.comment("Not expressible in an API-only spec, so not imported:");
      unexpressible.forEach(u -> yaml.comment("  " + u));
    }
    return yaml;
  }

  /** Elements the spec has no key for, one line each: {@code tabSettings: Foo (Visible)}. */
  private static List<String> unexpressible(List<Element> others) {
    List<String> out = new ArrayList<>();
    for (Element element : others) {
      List<String> parts = new ArrayList<>();
      for (org.w3c.dom.Node child = element.getFirstChild();
          child != null;
          child = child.getNextSibling()) {
        if (child instanceof Element e) {
          parts.add(e.getLocalName() + "=" + e.getTextContent().strip());
        }
      }
      out.add(
          element.getLocalName()
              + ": "
              + (parts.isEmpty() ? element.getTextContent().strip() : String.join(", ", parts)));
    }
    return out;
  }

  private static String clip(String text, int max) {
    return text.codePointCount(0, text.length()) <= max
        ? text
        : text.substring(0, text.offsetByCodePoints(0, max));
  }

  private String config() {
    SpecWriter yaml = new SpecWriter();
    yaml.comment(
        "Written by apionly import: the critical grants the imported sets hold are accepted");
    yaml.comment("as they are, so the specs generate unchanged. Review each, and remove what an");
    yaml.comment("integration user should not hold.");
    yaml.key(0, "policy");
    yaml.names(2, "allowCritical", List.copyOf(critical));
    return yaml.toString();
  }
}
