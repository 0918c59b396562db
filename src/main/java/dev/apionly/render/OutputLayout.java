package dev.apionly.render;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where files go in the SFDX project: metadata under {@code <packageDirectory>/main/default/}, user
 * definitions, scripts and the manifest at the project root. Paths are relative, with '/'.
 */
public record OutputLayout(String packageDirectory, String apiVersion) {

  /** Stands for the member name in a path, to turn the path into a pattern. */
  private static final String MEMBER_MARK = "\0";

  /** An API name, as apionly's names are (letters, digits, underscores; a letter first). */
  private static final String MEMBER = "[A-Za-z][A-Za-z0-9_]{0,254}";

  /** Where environment values live; the name of an environment, as apionly.yaml accepts it. */
  private static final String ENVIRONMENTS = ".apionly/environments/";

  private static final String ENVIRONMENT = "[A-Za-z][A-Za-z0-9_-]{0,39}";

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

  /**
   * The username of an integration's user in an environment, as the sf CLI's replacements put it in
   * place at deploy time: {@code .apionly/environments/ENV/NAME.username}.
   */
  public String environmentValue(String environment, String integration) {
    return ENVIRONMENTS + environment + "/" + integration + ".username";
  }

  public String manifest() {
    return "manifest/package.xml";
  }

  /** The components to delete from the org, for {@code --post-destructive-changes}. */
  public String destructiveManifest() {
    return "manifest/destructiveChanges.xml";
  }

  /**
   * Every path this layout can give a generated file (each metadata folder, config/users,
   * scripts/apex, the manifests and the environment values, with their file-name patterns): what a
   * state file may list.
   */
  public Pattern generatedPaths() {
    StringBuilder alternatives = new StringBuilder();
    alternatives.append(Pattern.quote(manifest())).append('|');
    alternatives.append(Pattern.quote(destructiveManifest()));
    alternatives.append('|').append(pattern(userDefinition(MEMBER_MARK)));
    alternatives.append('|').append(pattern(provisionScript(MEMBER_MARK)));
    alternatives
        .append('|')
        .append(Pattern.quote(ENVIRONMENTS))
        .append(ENVIRONMENT)
        .append('/')
        .append(pattern(MEMBER_MARK + ".username"));
    for (ComponentType type : ComponentType.values()) {
      alternatives.append('|').append(pattern(metadata(type, MEMBER_MARK)));
    }
    return Pattern.compile(alternatives.toString());
  }

  private static String pattern(String path) {
    int mark = path.indexOf(MEMBER_MARK);
    return Pattern.quote(path.substring(0, mark))
        + MEMBER
        + Pattern.quote(path.substring(mark + MEMBER_MARK.length()));
  }
}
