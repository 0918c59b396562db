package dev.apionly.validate;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Location;
import dev.apionly.metadata.MetadataException;
import dev.apionly.metadata.MetadataSchema;
import dev.apionly.render.OutputLayout;
import dev.apionly.write.SfdxProject;
import dev.apionly.write.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Validates every XML file apionly generated in a project (those its state file lists) against the
 * Metadata API WSDL of the org they will be deployed to, or the schema apionly ships.
 */
public final class OutputValidation {

  private OutputValidation() {}

  /**
   * Adds one error per schema violation, at the file, line and column where it is. {@code against}
   * names the schema in messages ("the org's Metadata API WSDL"). {@code required}: a project with
   * nothing generated yet is an error, not just nothing to check.
   */
  public static int validate(
      MetadataSchema schema,
      String against,
      SfdxProject project,
      boolean required,
      Diagnostics diagnostics) {
    Path projectRoot = project.root();
    Map<String, StateFile.Entry> generated;
    try {
      generated =
          StateFile.read(
              projectRoot,
              new OutputLayout(
                      project.packageDirectory(),
                      project.apiVersion(),
                      project.settings().manifest())
                  .generatedPaths());
    } catch (IOException e) {
      diagnostics.error(
          Location.of(projectRoot.resolve(StateFile.PATH)), "cannot read: " + e.getMessage());
      return 0;
    }
    List<String> xml = generated.keySet().stream().filter(p -> p.endsWith(".xml")).toList();
    if (xml.isEmpty() && !required) {
      return 0;
    }
    if (xml.isEmpty()) {
      diagnostics.error(
          Location.of(projectRoot),
          "nothing generated in this project yet (no XML file in "
              + StateFile.PATH
              + "); run 'apionly generate' first");
      return 0;
    }
    int checked = 0;
    for (String path : xml) {
      Path file = projectRoot.resolve(path);
      if (!Files.isRegularFile(file)) {
        diagnostics.error(
            Location.of(file),
            "listed in " + StateFile.PATH + " but missing; run 'apionly generate' again");
        continue;
      }
      try {
        for (MetadataException problem : schema.validate(file)) {
          diagnostics.error(
              new Location(file, Math.max(problem.line(), 0), Math.max(problem.column(), 0)),
              "not valid against " + against + ": " + problem.getMessage());
        }
        checked++;
      } catch (IOException e) {
        diagnostics.error(Location.of(file), "cannot read file: " + e.getMessage());
      }
    }
    return checked;
  }
}
