package dev.apionly.render;

import dev.apionly.model.MetadataType;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where files go in the SFDX project: metadata under {@code <packageDirectory>/main/default/}, user
 * definitions, scripts and the manifest at the project root. Paths are relative, with '/'.
 */
public record OutputLayout(String packageDirectory, String apiVersion, String configuredManifest) {

  /** Where apionly's manifest goes unless configured otherwise or the file is the user's. */
  public static final String DEFAULT_MANIFEST = "manifest/package.xml";

  /** Where it goes when {@link #DEFAULT_MANIFEST} belongs to the user and nothing is configured. */
  public static final String ALTERNATIVE_MANIFEST = "manifest/apionly-package.xml";

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

  /** The layout with apionly's manifest where it goes by default. */
  public OutputLayout(String packageDirectory, String apiVersion) {
    this(packageDirectory, apiVersion, null);
  }

  public String metadata(MetadataType type, String member) {
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

  /** The manifest's path when configured, else {@link #DEFAULT_MANIFEST}. */
  public String manifest() {
    return configuredManifest != null ? configuredManifest : DEFAULT_MANIFEST;
  }

  /** The components to delete from the org, for {@code --post-destructive-changes}. */
  public String destructiveManifest() {
    return destructiveBeside(manifest());
  }

  /**
   * The destructive manifest that goes with {@code manifest}, in its folder: {@code
   * destructiveChanges.xml} beside {@code package.xml}, {@code apionly-destructiveChanges.xml}
   * beside {@code apionly-package.xml}, {@code NAME-destructiveChanges.xml} beside {@code
   * NAME.xml}.
   */
  public static String destructiveBeside(String manifest) {
    int slash = manifest.lastIndexOf('/');
    String folder = manifest.substring(0, slash + 1);
    String stem = manifest.substring(slash + 1).replaceFirst("(?i)\\.xml$", "");
    String name =
        stem.equals("package")
            ? "destructiveChanges"
            : stem.endsWith("package")
                ? stem.substring(0, stem.length() - "package".length()) + "destructiveChanges"
                : stem + "-destructiveChanges";
    return folder + name + ".xml";
  }

  /**
   * Every path this layout can give a generated file (each metadata folder, config/users,
   * scripts/apex, the manifests and the environment values, with their file-name patterns): what a
   * state file may list.
   */
  public Pattern generatedPaths() {
    StringBuilder alternatives = new StringBuilder();
    // a manifest of any earlier run stays apionly's, so that it can be moved or removed
    for (String manifest : new String[] {DEFAULT_MANIFEST, ALTERNATIVE_MANIFEST, manifest()}) {
      alternatives.append(Pattern.quote(manifest)).append('|');
      alternatives.append(Pattern.quote(destructiveBeside(manifest))).append('|');
    }
    alternatives.setLength(alternatives.length() - 1);
    alternatives.append('|').append(pattern(userDefinition(MEMBER_MARK)));
    alternatives.append('|').append(pattern(provisionScript(MEMBER_MARK)));
    alternatives
        .append('|')
        .append(Pattern.quote(ENVIRONMENTS))
        .append(ENVIRONMENT)
        .append('/')
        .append(pattern(MEMBER_MARK + ".username"));
    for (MetadataType type : MetadataType.values()) {
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
