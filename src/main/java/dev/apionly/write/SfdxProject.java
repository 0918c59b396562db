package dev.apionly.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The SFDX project apionly writes into: its root, its default package directory and its {@code
 * sourceApiVersion}, read from {@code sfdx-project.json}.
 */
public record SfdxProject(Path root, String defaultPackageDirectory, String apiVersion) {

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
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path file = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(file)) {
        return read(file);
      }
    }
    throw ApionlyException.of(
        ExitCode.BAD_INPUT,
        Location.of(start),
        "no "
            + FILE_NAME
            + " here or in any parent directory; run inside an SFDX project or pass --out PROJECT_DIR");
  }

  static SfdxProject read(Path file) {
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(Files.readString(file));
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
    JsonNode directories = json == null ? null : json.get("packageDirectories");
    if (directories != null && directories.isArray()) {
      for (JsonNode directory : directories) {
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
    return new SfdxProject(
        root, root.relativize(resolved).toString().replace('\\', '/'), apiVersion);
  }

  /** The major API version as a number, e.g. 66. */
  public int apiMajor() {
    return Integer.parseInt(apiVersion.substring(0, apiVersion.indexOf('.')));
  }
}
