package dev.apionly.importer;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Paths;
import dev.apionly.metadata.MetadataException;
import dev.apionly.metadata.MetadataFiles.PermissionSetFile;
import dev.apionly.metadata.MetadataFiles.PermissionSetGroupFile;
import dev.apionly.metadata.MetadataXml;
import dev.apionly.metadata.Unexpressed;
import dev.apionly.model.Grant;
import dev.apionly.model.Grants;
import dev.apionly.model.Integration;
import dev.apionly.model.MetadataType;
import dev.apionly.model.MetadataType.Import;
import dev.apionly.model.PermissionSet;
import dev.apionly.model.RiskLevel;
import dev.apionly.model.Salesforce;
import dev.apionly.model.UserPermissions;
import dev.apionly.policy.Linter;
import dev.apionly.policy.RiskCatalogue;
import dev.apionly.resolve.Resolver;
import dev.apionly.spec.IntegrationSpec;
import dev.apionly.spec.Names;
import dev.apionly.spec.ProjectConfig;
import dev.apionly.spec.Secrets;
import dev.apionly.spec.SpecParser;
import dev.apionly.spec.SpecSet;
import dev.apionly.spec.YamlNode;
import dev.apionly.spec.YamlReader;
import dev.apionly.write.AtomicFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The import stage: permission set and group files (source or metadata-API format) in, one spec per
 * set out, plus an {@code apionly.yaml} allowing the critical grants found. Every spec is loaded
 * and resolved again before anything is written, and its grants compared with the file's; import
 * writes all its files or none, and never over an existing file.
 */
public final class Importer {

  /** The types import turns into specs, whose files it names in its messages. */
  private static final List<MetadataType> SPEC_TYPES =
      Arrays.stream(MetadataType.values())
          .filter(t -> t.importing() == Import.SPEC || t.importing() == Import.INCLUDE)
          .toList();

  /** What to import, and the directory the specs go into. */
  public record Request(List<Path> inputs, Path out) {
    public Request {
      inputs = List.copyOf(inputs);
    }
  }

  /** The files written, and the warnings and notes to show. */
  public record Result(List<Path> written, List<Diagnostic> diagnostics) {
    public Result {
      written = List.copyOf(written);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private static final Pattern NAMESPACED = Pattern.compile("[A-Za-z][A-Za-z0-9]*__.+");

  private static final int MAX_LABEL = Names.MAX_LABEL;
  private static final int MAX_DESCRIPTION = Names.MAX_DESCRIPTION;

  private final Diagnostics diagnostics = new Diagnostics();

  private Importer() {}

  /** Imports {@code request}; throws (exit 2) with every problem found, having written nothing. */
  public static Result run(Request request) {
    return new Importer().importAll(request);
  }

  private Result importAll(Request request) {
    List<Path> files = files(request.inputs());
    List<ImportedSpec> specs = new ArrayList<>();
    for (Path file : files) {
      read(file).ifPresent(specs::add);
    }
    checkNamesUnique(specs);
    if (files.isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.error(
          Location.of(request.inputs().get(0)),
          "no permission set or group to import; accepted: "
              + accepted(MetadataType::sourceSuffix)
              + " (source format) or "
              + accepted(MetadataType::metadataApiSuffix)
              + " (metadata-API format), or directories holding them");
    }
    diagnostics.throwIfErrors(ExitCode.BAD_INPUT);

    Path out = request.out();
    Map<Path, String> texts = new LinkedHashMap<>();
    SortedSet<String> critical = new TreeSet<>();
    List<String> criticalSources = new ArrayList<>();
    for (ImportedSpec spec : specs) {
      Path target = out.resolve(spec.name() + ".yaml");
      String text = SpecWriter.text(spec, shown(spec.source()));
      verify(spec, target, text);
      texts.put(target, text);
      boolean any = false;
      for (Grant grant : spec.risky()) {
        if (RiskCatalogue.builtIn(grant) == RiskLevel.CRITICAL) {
          critical.add(grant.key());
          any = true;
        }
      }
      // generate adds what a user permission needs (ModifyAllData needs ViewAllData): allow those
      for (String permission : required(spec.grants().userPermissions())) {
        if (RiskCatalogue.isCritical(permission)) {
          critical.add(permission);
          any = true;
        }
      }
      if (any) {
        criticalSources.add(shown(spec.source()));
      }
    }
    if (!critical.isEmpty()) {
      texts.put(out.resolve(ProjectConfig.FILE_NAME), SpecWriter.config(critical, criticalSources));
    }
    diagnostics.throwIfErrors(ExitCode.BAD_INPUT);
    return new Result(write(out, texts), diagnostics.sorted());
  }

  /** Every user permission {@code granted} needs, directly or through another. */
  private static SortedSet<String> required(List<String> granted) {
    SortedSet<String> out = new TreeSet<>();
    List<String> todo = new ArrayList<>(granted);
    while (!todo.isEmpty()) {
      for (String needed : UserPermissions.requires(todo.remove(todo.size() - 1))) {
        if (out.add(needed)) {
          todo.add(needed);
        }
      }
    }
    return out;
  }

  /** Every importable file under the inputs, each once, directories in path order. */
  private List<Path> files(List<Path> inputs) {
    LinkedHashMap<Path, Path> out = new LinkedHashMap<>();
    for (Path input : inputs) {
      Path normalized = input.toAbsolutePath().normalize();
      if (Files.isDirectory(normalized)) {
        try (Stream<Path> walk = Files.walk(normalized)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> type(f).isPresent())
              .sorted()
              .forEach(f -> out.putIfAbsent(f, f));
        } catch (IOException | java.io.UncheckedIOException e) {
          diagnostics.error(Location.of(input), "cannot list directory: " + e.getMessage());
        }
      } else if (Files.isRegularFile(normalized)) {
        if (type(normalized).isEmpty()) {
          diagnostics.error(
              Location.of(input),
              "not a permission set or group file; accepted: "
                  + accepted(MetadataType::sourceSuffix)
                  + ", "
                  + accepted(MetadataType::metadataApiSuffix));
        } else {
          out.putIfAbsent(normalized, normalized);
        }
      } else {
        diagnostics.error(
            Location.of(input),
            "no such file or directory; accepted: permission set or group files, or directories");
      }
    }
    return List.copyOf(out.keySet());
  }

  /** The type of an importable file, by its suffix in either format. */
  private static Optional<MetadataType> type(Path file) {
    return MetadataType.importedFrom(file.getFileName().toString());
  }

  /** The file's name without the type's suffix: the component's API name. */
  private static String baseName(Path file, MetadataType type) {
    String name = file.getFileName().toString();
    String suffix =
        name.endsWith(type.sourceSuffix()) ? type.sourceSuffix() : type.metadataApiSuffix();
    return name.substring(0, name.length() - suffix.length());
  }

  /** The file names import turns into specs, as globs, e.g. "*.permissionset-meta.xml". */
  private static String accepted(Function<MetadataType, String> suffix) {
    return SPEC_TYPES.stream().map(t -> "*" + suffix.apply(t)).collect(Collectors.joining(", "));
  }

  private Optional<ImportedSpec> read(Path file) {
    MetadataType type = type(file).orElseThrow();
    String original = baseName(file, type);
    Location whole = Location.of(file);
    if (type.importing() == Import.NOTE) {
      diagnostics.add(
          Diagnostic.note(
              whole,
              "muting permission set skipped: a spec mutes grants under 'mute' in the spec of"
                  + " the group that uses it"));
      return Optional.empty();
    }
    if (NAMESPACED.matcher(original).matches()) {
      diagnostics.add(
          Diagnostic.note(
              whole,
              "'"
                  + original
                  + "' belongs to the managed package with namespace '"
                  + original.substring(0, original.indexOf("__"))
                  + "': skipped, because an org cannot deploy another namespace's permission set;"
                  + " name it in 'include' to add it to a group"));
      return Optional.empty();
    }
    String name = name(original, whole);
    if (name == null) {
      return Optional.empty();
    }
    String text;
    try {
      if (Files.size(file) > MetadataXml.MAX_FILE_BYTES) {
        diagnostics.error(
            whole,
            "file is "
                + Files.size(file)
                + " bytes; at most "
                + MetadataXml.MAX_FILE_BYTES
                + " are read");
        return Optional.empty();
      }
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      diagnostics.error(whole, "not UTF-8 text; Salesforce writes metadata XML in UTF-8");
      return Optional.empty();
    } catch (IOException e) {
      diagnostics.error(whole, "cannot read file: " + e.getMessage());
      return Optional.empty();
    }
    try {
      return Optional.of(
          type.importing() == Import.INCLUDE
              ? group(file, name, PermissionSetGroupFile.read(text))
              : permissionSet(file, name, PermissionSetFile.read(name, text)));
    } catch (MetadataException e) {
      diagnostics.error(
          new Location(file, e.line(), e.column()),
          e.getMessage() + "; expected a " + type.typeName() + " file");
      return Optional.empty();
    }
  }

  private ImportedSpec permissionSet(Path file, String name, PermissionSetFile xml) {
    PermissionSet grants = xml.grants();
    List<String> notImported = xml.unexpressed();
    SortedSet<String> uiOnly = new TreeSet<>(Unexpressed.uiOnly(grants.userPermissions()));
    SortedSet<Grant> risky = new TreeSet<>();
    for (Grant grant : Grants.of(grants)) {
      if (RiskCatalogue.builtIn(grant).atLeast(RiskLevel.HIGH)) {
        risky.add(grant);
      }
    }
    Location whole = Location.of(file);
    String license = xml.license() == null ? "" : xml.license().strip();
    if (!Salesforce.API_INTEGRATION_PSL.equals(license)) {
      diagnostics.warning(
          whole,
          "licence "
              + (license.isEmpty() ? "none" : "'" + license + "'")
              + " is not the API integration licence: generate writes "
              + Salesforce.API_INTEGRATION_PSL
              + "; grants are imported as they are");
    }
    notImportedWarning(whole, name, notImported);
    if (!uiOnly.isEmpty()) {
      diagnostics.warning(
          whole,
          "user permissions "
              + String.join(", ", uiOnly)
              + " only change the user interface: kept, but they do nothing for an API-only user");
    }
    if (!risky.isEmpty()) {
      long critical =
          risky.stream().filter(g -> RiskCatalogue.builtIn(g) == RiskLevel.CRITICAL).count();
      diagnostics.add(
          Diagnostic.note(
              whole,
              risky.size()
                  + (risky.size() == 1 ? " risky grant (" : " risky grants (")
                  + String.join(", ", risky.stream().map(Grant::key).toList())
                  + ") imported with the justification \"Imported from ...: review\""
                  + (critical > 0 ? "; the critical ones are allowed in apionly.yaml" : "")
                  + "; rewrite each justification once reviewed"));
    }
    return new ImportedSpec(
        file,
        false,
        name,
        label(xml.label(), whole),
        description(xml.description(), whole),
        grants,
        List.of(),
        notImported,
        uiOnly,
        risky,
        justification(file));
  }

  private ImportedSpec group(Path file, String name, PermissionSetGroupFile xml) {
    List<String> include = new ArrayList<>();
    for (String set : xml.permissionSets()) {
      String reference = set.strip();
      if (reference.equalsIgnoreCase(name)) {
        continue; // the group of an integration holds its own set already
      }
      String problem = Names.referenceProblem(reference, Names.Reference.SINGLE);
      if (problem != null) {
        diagnostics.error(
            Location.of(file), "permission set '" + reference + "' in the group " + problem);
      } else {
        include.add(reference);
      }
    }
    List<String> notImported = xml.unexpressed();
    notImportedWarning(Location.of(file), name, notImported);
    PermissionSet none =
        new PermissionSet(
            name, name, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    return new ImportedSpec(
        file,
        true,
        name,
        label(xml.label(), Location.of(file)),
        description(xml.description(), Location.of(file)),
        none,
        include,
        notImported,
        new TreeSet<>(),
        new TreeSet<>(),
        justification(file));
  }

  /** One warning per file: how many of each element kind the spec cannot hold. */
  private void notImportedWarning(Location where, String name, List<String> notImported) {
    Map<String, Integer> kinds = new java.util.TreeMap<>();
    for (String line : notImported) {
      if (!line.startsWith("license ")) {
        kinds.merge(line.split("[ :]", 2)[0], 1, Integer::sum);
      }
    }
    if (kinds.isEmpty()) {
      return;
    }
    List<String> counts = new ArrayList<>();
    kinds.forEach((kind, count) -> counts.add(count + " " + kind));
    diagnostics.warning(
        where,
        "not imported as written, because a spec for an API-only user cannot express it: "
            + String.join(", ", counts)
            + "; each is listed at the top of "
            + name
            + ".yaml");
  }

  /**
   * The spec name for a component: its own API name, or, when the file name is not one (a copy
   * renamed by hand, say), the nearest valid name, with a warning.
   */
  private String name(String original, Location where) {
    if (Names.apiNameProblem(original) == null) {
      return original;
    }
    String name = original.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^[^A-Za-z]+", "");
    if (name.length() > Names.MAX_NAME) {
      name = name.substring(0, Names.MAX_NAME);
    }
    name = name.replaceAll("_+$", "");
    if (name.isEmpty() || Names.apiNameProblem(name) != null) {
      diagnostics.error(
          where,
          "'"
              + original
              + "' "
              + Names.apiNameProblem(original)
              + "; rename the file to the permission set's API name");
      return null;
    }
    diagnostics.warning(
        where,
        "'"
            + original
            + "' is not a valid API name; imported as '"
            + name
            + "', which deploys as a new permission set beside the original");
    return name;
  }

  private String label(String label, Location where) {
    if (label == null) {
      return null;
    }
    String clean = label.replaceAll("\\p{Cntrl}", " ").strip().replaceAll(" {2,}", " ");
    if (clean.isEmpty()) {
      return null;
    }
    if (clean.codePointCount(0, clean.length()) > MAX_LABEL) {
      diagnostics.warning(
          where, "label is longer than " + MAX_LABEL + " characters; imported cut to that length");
      clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_LABEL)).strip();
    }
    return clean;
  }

  private String description(String description, Location where) {
    if (description == null) {
      return null;
    }
    String clean = description.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ").strip();
    if (clean.isEmpty()) {
      return null;
    }
    if (clean.codePointCount(0, clean.length()) > MAX_DESCRIPTION) {
      diagnostics.warning(
          where,
          "description is longer than "
              + MAX_DESCRIPTION
              + " characters; imported cut to that length");
      clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_DESCRIPTION)).strip();
    }
    return clean;
  }

  /**
   * The file name only: stable on every machine, and a long path would look like a generated secret
   * to the spec loader.
   */
  private static String justification(Path file) {
    String name = String.valueOf(file.getFileName());
    return Linter.IMPORTED_PREFIX
        + (Secrets.shapeOf(name).isPresent() ? "a permission set file" : name)
        + ": review";
  }

  /**
   * The source as the header comment shows it: its path, or its name alone when the path holds
   * something the spec loader would take for a secret (a long random temporary directory), or
   * neither when the name does too. What import writes about where a file came from never stops the
   * import.
   */
  static String shown(Path source) {
    String path = Paths.display(source);
    if (Secrets.shapeOf(path).isEmpty()) {
      return path;
    }
    String name = String.valueOf(source.getFileName());
    return Secrets.shapeOf(name).isEmpty() ? name : "a file whose name is not shown";
  }

  private void checkNamesUnique(List<ImportedSpec> specs) {
    Map<String, ImportedSpec> seen = new HashMap<>();
    for (ImportedSpec spec : specs) {
      ImportedSpec first = seen.putIfAbsent(spec.name().toLowerCase(Locale.ROOT), spec);
      if (first != null) {
        diagnostics.error(
            Location.of(spec.source()),
            "'"
                + spec.name()
                + "' is imported from "
                + Paths.display(first.source())
                + " already; each spec needs its own name (Salesforce ignores case in API names):"
                + " import one of them");
      }
    }
  }

  /**
   * Loads {@code text} as generate will and compares the permission set it resolves to with the
   * file's grants: a spec that does not load, or grants something else, is a bug in import.
   */
  private void verify(ImportedSpec spec, Path target, String text) {
    Diagnostics loading = new Diagnostics();
    Optional<YamlNode> root = YamlReader.read(target, text, loading);
    Optional<IntegrationSpec> parsed = root.flatMap(r -> SpecParser.parse(target, r, loading));
    if (loading.hasErrors() || parsed.isEmpty()) {
      for (Diagnostic problem : loading.sorted()) {
        diagnostics.error(
            Location.of(spec.source()),
            "cannot be written as a spec: " + problem.message() + " (in the spec import wrote)");
      }
      return;
    }
    List<Integration> resolved;
    try {
      resolved =
          Resolver.resolve(
                  new SpecSet(List.of(new SpecSet.LoadedSpec(parsed.get(), ProjectConfig.none()))),
                  target.getParent() == null ? Path.of("") : target.getParent(),
                  loading)
              .integrations();
    } catch (ApionlyException e) {
      e.diagnostics()
          .forEach(
              d ->
                  diagnostics.error(
                      Location.of(spec.source()), "cannot be written as a spec: " + d.message()));
      return;
    }
    SortedSet<Grant> expected = Grants.of(spec.grants());
    SortedSet<Grant> generated = Grants.of(resolved.get(0).permissionSet());
    SortedSet<Grant> missing = new TreeSet<>(expected);
    missing.removeAll(generated);
    SortedSet<Grant> added = new TreeSet<>(generated);
    added.removeAll(expected);
    if (!missing.isEmpty()) {
      diagnostics.error(
          Location.of(spec.source()),
          "the spec would not grant "
              + String.join(", ", missing.stream().map(Grant::toString).toList()));
    }
    if (!added.isEmpty()) {
      diagnostics.warning(
          Location.of(spec.source()),
          "generate will also grant "
              + String.join(", ", added.stream().map(Grant::toString).toList())
              + ", which Salesforce requires for the grants the file has");
    }
  }

  /** Writes every file or none; refuses before writing anything if one exists already. */
  private List<Path> write(Path out, Map<Path, String> texts) {
    Diagnostics existing = new Diagnostics();
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(out), "--out is a file; give a directory for the specs");
    }
    for (Path target : texts.keySet()) {
      if (Files.exists(target)) {
        existing.error(
            Location.of(target),
            "file exists already; import never overwrites a file: move it away or import into"
                + " another --out directory");
      }
    }
    existing.throwIfErrors(ExitCode.BAD_INPUT);
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(out);
      for (Map.Entry<Path, String> file : texts.entrySet()) {
        AtomicFile.create(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
        written.add(file.getKey());
      }
    } catch (IOException e) {
      for (Path file : written) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // the error below names the file that failed; this one is reported with it
        }
      }
      String reason =
          e instanceof FileAlreadyExistsException
              ? "a file appeared while import was writing: " + e.getMessage()
              : e.getMessage();
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(out), "could not write, nothing was kept: " + reason);
    }
    return written;
  }
}
