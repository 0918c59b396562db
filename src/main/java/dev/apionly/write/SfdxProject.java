package dev.apionly.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.json.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SFDX project apionly writes into: its root, its default package directory and its {@code
 * sourceApiVersion}, read from {@code sfdx-project.json}.
 */
public record SfdxProject(
    Path root,
    String defaultPackageDirectory,
    String apiVersion,
    List<String> packageDirectories,
    String namespace,
    ProjectSettings settings) {

  public SfdxProject {
    packageDirectories = List.copyOf(packageDirectories);
  }

  /**
   * The package directory apionly writes metadata into: {@code plugins.apionly.packageDirectory}
   * when set, else the project's default one.
   */
  public String packageDirectory() {
    return settings.packageDirectory() != null
        ? settings.packageDirectory()
        : defaultPackageDirectory;
  }

  /** The default specs directory ({@code plugins.apionly.specs}), if the project sets one. */
  public java.util.Optional<Path> specsDirectory() {
    return java.util.Optional.ofNullable(settings.specs()).map(root::resolve);
  }

  public static final String FILE_NAME = "sfdx-project.json";

  /** Used when sfdx-project.json names no sourceApiVersion. */
  public static final String DEFAULT_API_VERSION = "66.0";

  private static final Pattern API_VERSION = Pattern.compile("[1-9][0-9]?\\.0");

  /** The project at {@code out}, or the nearest one from {@code start} upward. */
  public static SfdxProject locate(Path out, Path start) {
    if (out != null) {
      // absolute, as when found upward: '--out .' has no parent to hold its package directory
      Path file = out.toAbsolutePath().normalize().resolve(FILE_NAME);
      if (!Files.isRegularFile(file)) {
        throw ApionlyException.of(
            ExitCode.BAD_INPUT,
            Location.of(out),
            "no "
                + FILE_NAME
                + " in this directory; --out must name an SFDX project (create one with 'sf project"
                + " generate')");
      }
      return read(file);
    }
    return find(start)
        .orElseThrow(
            () ->
                ApionlyException.of(
                    ExitCode.BAD_INPUT,
                    Location.of(start),
                    "no "
                        + FILE_NAME
                        + " here or in any parent directory; run inside an SFDX project or pass"
                        + " --out PROJECT_DIR"));
  }

  /** The nearest project from {@code start} upward, if there is one. */
  public static java.util.Optional<SfdxProject> find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(FILE_NAME))) {
        return java.util.Optional.of(read(dir.resolve(FILE_NAME)));
      }
    }
    return java.util.Optional.empty();
  }

  static SfdxProject read(Path file) {
    JsonNode json;
    String text;
    try {
      text = Files.readString(file);
      json = JsonTree.read(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          new Location(file, Math.max(line, 0), Math.max(column, 0)),
          "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(file), "cannot read: " + e.getMessage());
    }
    String packageDirectory = null;
    List<String> all = new ArrayList<>();
    JsonNode directories = json == null ? null : json.get("packageDirectories");
    if (directories != null && directories.isArray()) {
      for (JsonNode directory : directories) {
        if (directory.path("path").isTextual()) {
          all.add(directory.get("path").asText());
        }
        if (directory.path("default").asBoolean(false) && directory.path("path").isTextual()) {
          packageDirectory = directory.get("path").asText();
        }
      }
      if (packageDirectory == null && directories.size() == 1) {
        packageDirectory = directories.get(0).path("path").asText(null);
      }
    }
    if (packageDirectory == null || packageDirectory.isBlank()) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(file),
          "no default package directory; accepted: \"packageDirectories\": [{\"path\":"
              + " \"force-app\", \"default\": true}]");
    }
    Path root = file.getParent();
    Path resolved = root.resolve(packageDirectory).normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(file),
          "default package directory '" + packageDirectory + "' is not inside the project");
    }
    String apiVersion = DEFAULT_API_VERSION;
    JsonNode version = json.get("sourceApiVersion");
    if (version != null && !version.isNull()) {
      apiVersion = version.asText();
      if (!API_VERSION.matcher(apiVersion).matches()) {
        throw ApionlyException.of(
            ExitCode.BAD_INPUT,
            Location.of(file),
            "sourceApiVersion '" + apiVersion + "' is not accepted; accepted: e.g. \"66.0\"");
      }
    }
    List<String> inside = new ArrayList<>();
    for (String directory : all) {
      Path path = root.resolve(directory).normalize();
      // a package directory outside the project is not apionly's to read
      if (path.startsWith(root) && !path.equals(root)) {
        inside.add(root.relativize(path).toString().replace('\\', '/'));
      }
    }
    String namespace = json.path("namespace").isTextual() ? json.get("namespace").asText() : "";
    ProjectSettings settings = ProjectSettings.read(file, text, inside);
    String written = settings.packageDirectory();
    if (written != null
        && !inside.contains(Path.of(written).normalize().toString().replace('\\', '/'))) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(file),
          "plugins.apionly.packageDirectory '"
              + written
              + "' is not one of the project's packageDirectories; accepted: "
              + String.join(", ", inside));
    }
    return new SfdxProject(
        root,
        root.relativize(resolved).toString().replace('\\', '/'),
        apiVersion,
        inside,
        namespace.strip(),
        settings);
  }

  /** Every package directory inside the project, as absolute paths. */
  public List<Path> packageDirectoryPaths() {
    return packageDirectories.stream().map(root::resolve).toList();
  }

  /** The major API version as a number, e.g. 66. */
  public int apiMajor() {
    return Integer.parseInt(apiVersion.substring(0, apiVersion.indexOf('.')));
  }
}
