package dev.apionly.spec;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Suggestions;
import dev.apionly.model.RiskLevel;
import dev.apionly.spec.YamlNode.Entry;
import dev.apionly.spec.YamlNode.MapNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds an {@code apionly.yaml} file: user defaults and the org's least-privilege policy. */
public final class ConfigParser {

  private static final List<String> ROOT_KEYS = List.of("defaults", "policy");
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
    return new ProjectConfig(file, userDefaults, allowCritical, levels, forbid);
  }
}
