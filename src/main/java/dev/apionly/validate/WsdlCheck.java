package dev.apionly.validate;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.metadata.MetadataException;
import dev.apionly.metadata.MetadataSchema;
import dev.apionly.write.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The XML files apionly generated in a project, checked against an org's Metadata API WSDL. */
public final class WsdlCheck {

  private WsdlCheck() {}

  /** Validates every generated XML file under {@code root}; returns how many were checked. */
  public static int check(Path wsdl, Path root, Diagnostics diagnostics) {
    MetadataSchema schema;
    try {
      schema = MetadataSchema.fromWsdl(wsdl);
    } catch (MetadataException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          new Location(wsdl, e.line(), e.column()),
          "not a Metadata API WSDL: "
              + e.getMessage()
              + " (download it in Setup > API > Generate Metadata WSDL)");
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(wsdl), "cannot read: " + e.getMessage());
    }
    List<Path> files;
    try {
      files =
          StateFile.read(root).keySet().stream()
              .filter(p -> p.endsWith(".xml"))
              .map(root::resolve)
              .filter(Files::isRegularFile)
              .toList();
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(root), "cannot read: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(root.resolve(StateFile.PATH)),
          "no generated XML files to validate: run 'apionly generate' first");
    }
    for (Path file : files) {
      try {
        for (MetadataException problem : schema.validate(file)) {
          diagnostics.error(
              new Location(file, problem.line(), problem.column()), problem.getMessage());
        }
      } catch (IOException e) {
        diagnostics.error(Location.of(file), "cannot read: " + e.getMessage());
      }
    }
    return files.size();
  }
}
