package dev.apionly.render;

import java.util.Objects;

/**
 * Where files go in the SFDX project: metadata under {@code <packageDirectory>/main/default/}, user
 * definitions, scripts and the manifest at the project root. Paths are relative, with '/'.
 */
public record OutputLayout(String packageDirectory, String apiVersion) {

  public OutputLayout {
    Objects.requireNonNull(packageDirectory, "packageDirectory");
    Objects.requireNonNull(apiVersion, "apiVersion");
    packageDirectory = packageDirectory.replace('\\', '/').replaceAll("/+$", "");
  }

  public String metadata(ComponentType type, String member) {
    return packageDirectory + "/main/default/" + type.path(member);
  }

  public String userDefinition(String integration) {
    return "config/users/" + integration + "-user-def.json";
  }

  public String provisionScript(String integration) {
    return "scripts/apex/provision-" + integration + ".apex";
  }

  public String manifest() {
    return "manifest/package.xml";
  }

  /** The components to delete from the org, for {@code --post-destructive-changes}. */
  public String destructiveManifest() {
    return "manifest/destructiveChanges.xml";
  }
}
