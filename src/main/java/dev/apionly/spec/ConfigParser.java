package dev.apionly.spec;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Suggestions;
import dev.apionly.model.RiskLevel;
import dev.apionly.spec.YamlNode.Entry;
import dev.apionly.spec.YamlNode.MapNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds an {@code apionly.yaml} file: user defaults, the org's least-privilege policy and the
 * environments of the pipeline.
 */
public final class ConfigParser {

  private static final List<String> ROOT_KEYS = List.of("defaults", "policy", "environments");
  private static final List<String> ENVIRONMENT_KEYS = List.of("usernameSuffix");
  private static final List<String> DEFAULTS_KEYS = List.of("user");
  private static final List<String> USER_DEFAULT_KEYS =
      List.of("timeZone", "locale", "language", "emailEncoding");
  private static final List<String> POLICY_KEYS = List.of("allowCritical", "levels", "forbid");

  private ConfigParser() {}

  /** The configuration in {@code file}; problems go to {@code diagnostics}. */
  public static ProjectConfig read(Path file, Diagnostics diagnostics) {
    Optional<YamlNode> root = YamlReader.read(file, diagnostics);
    if (root.isEmpty()) {
      return ProjectConfig.none();
    }
    Binding bind = new Binding(diagnostics);
    Optional<MapNode> map = bind.map(root.get(), "apionly.yaml", ROOT_KEYS);
    if (map.isEmpty()) {
      return ProjectConfig.none();
    }
    Map<String, Ref> userDefaults = new LinkedHashMap<>();
    Entry defaults = map.get().entries().get("defaults");
    if (defaults != null) {
      bind.map(defaults.value(), "'defaults'", DEFAULTS_KEYS)
          .map(d -> d.entries().get("user"))
          .flatMap(user -> bind.map(user.value(), "'defaults.user'", USER_DEFAULT_KEYS))
          .ifPresent(
              user -> {
                for (String key : USER_DEFAULT_KEYS) {
                  Ref value = bind.optionalText(user, key);
                  if (value != null) {
                    userDefaults.put(key, value);
                  }
                }
              });
      UserSettings.check(
          userDefaults.get("timeZone"),
          userDefaults.get("locale"),
          userDefaults.get("language"),
          userDefaults.get("emailEncoding"),
          diagnostics);
    }
    List<Ref> allowCritical = List.of();
    List<Ref> forbid = List.of();
    Map<String, Ref> levels = new LinkedHashMap<>();
    Entry policy = map.get().entries().get("policy");
    if (policy != null) {
      Optional<MapNode> policyMap = bind.map(policy.value(), "'policy'", POLICY_KEYS);
      if (policyMap.isPresent()) {
        allowCritical = bind.texts(policyMap.get(), "allowCritical");
        forbid = bind.texts(policyMap.get(), "forbid");
        Entry levelEntry = policyMap.get().entries().get("levels");
        if (levelEntry != null) {
          bind.anyMap(levelEntry.value(), "'policy.levels'")
              .ifPresent(
                  levelMap -> {
                    for (Entry level : levelMap.entries().values()) {
                      Ref value = bind.text(level);
                      if (value == null) {
                        continue;
                      }
                      if (RiskLevel.fromKey(value.value()).isEmpty()) {
                        bind.error(
                            value.location(),
                            "risk level '"
                                + Texts.abbreviate(value.value())
                                + "'"
                                + Suggestions.didYouMean(value.value(), RiskLevel.keys())
                                + " is not accepted; accepted: "
                                + String.join(", ", RiskLevel.keys()));
                      } else {
                        levels.put(level.key(), value);
                      }
                    }
                  });
        }
      }
    }
    List<EnvironmentSpec> environments = List.of();
    Entry environmentsEntry = map.get().entries().get("environments");
    if (environmentsEntry != null) {
      environments = environments(bind, environmentsEntry);
    }
    return new ProjectConfig(file, userDefaults, allowCritical, levels, forbid, environments);
  }

  /**
   * {@code environments:}, a mapping of names to {@code {usernameSuffix}} or nothing. Letter case
   * of the names is checked by the YAML reader, which refuses two keys that differ only in case.
   */
  /**
   * The environment name a key of {@code environments} (or {@code user.environments}) holds; null,
   * with an error at the key, when it is not one.
   */
  static Ref environmentName(Binding bind, Entry environment) {
    Ref name = new Ref(environment.key(), environment.keyLocation());
    String problem = Environments.nameProblem(name.value());
    if (problem != null) {
      bind.error(
          name.location(), "environment name '" + Texts.abbreviate(name.value()) + "' " + problem);
      return null;
    }
    return name;
  }

  private static List<EnvironmentSpec> environments(Binding bind, Entry entry) {
    Optional<MapNode> map =
        bind.anyMap(entry.value(), "'environments'", "environment names to settings");
    if (map.isEmpty()) {
      return List.of();
    }
    List<EnvironmentSpec> out = new ArrayList<>();
    for (Entry environment : map.get().entries().values()) {
      Ref name = environmentName(bind, environment);
      if (name == null) {
        continue;
      }
      Ref suffix = null;
      YamlNode value = environment.value();
      // "uat:" alone takes the defaults; YAML reads its empty value as null or as ''
      boolean empty =
          value instanceof YamlNode.ScalarNode scalar
              && (scalar.type() == YamlNode.ScalarType.NULL
                  || scalar.type() == YamlNode.ScalarType.STRING && scalar.text().isEmpty());
      if (!empty) {
        Optional<MapNode> settings =
            bind.map(value, "environment '" + name.value() + "'", ENVIRONMENT_KEYS);
        if (settings.isEmpty()) {
          continue;
        }
        suffix = bind.optionalText(settings.get(), "usernameSuffix");
        if (suffix != null) {
          String suffixProblem = Environments.suffixProblem(suffix.value());
          if (suffixProblem != null) {
            bind.error(
                suffix.location(),
                "usernameSuffix '" + Texts.abbreviate(suffix.value()) + "' " + suffixProblem);
            continue;
          }
        }
      }
      out.add(new EnvironmentSpec(name, suffix));
    }
    return out;
  }
}
