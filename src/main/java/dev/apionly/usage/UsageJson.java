package dev.apionly.usage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apionly.json.JsonText;

/**
 * The usage as one JSON object: {@code window}, {@code counts}, and {@code integrations} with
 * {@code unused} and {@code ungranted} per integration. Every key is always present.
 */
public final class UsageJson {

  /** Changes when a key is renamed or removed. */
  public static final int SCHEMA_VERSION = 1;

  private UsageJson() {}

  public static String render(Usage usage) {
    ObjectNode root = JsonText.object();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode window = root.putObject("window");
    window.put("from", usage.window().from());
    window.put("to", usage.window().to());
    window.put("since", usage.window().since());
    Usage.Counts c = usage.counts();
    ObjectNode counts = root.putObject("counts");
    counts.put("files", c.files());
    counts.put("rows", c.rows());
    counts.put("outsideWindow", c.outsideWindow());
    counts.put("integrationCalls", c.integrationCalls());
    counts.put("otherUserCalls", c.otherUserCalls());
    counts.put("otherUsers", c.otherUsers());
    counts.put("withoutObject", c.withoutObject());
    counts.put("unmapped", c.unmapped());
    counts.put("coveredElsewhere", c.coveredElsewhere());
    ArrayNode integrations = root.putArray("integrations");
    for (IntegrationUsage integration : usage.integrations()) {
      integration(integrations.addObject(), integration);
    }
    return JsonText.of(root);
  }

  private static void integration(ObjectNode node, IntegrationUsage integration) {
    node.put("name", integration.name());
    node.put("user", integration.hasUser() ? integration.username() : null);
    node.put("spec", integration.specFile());
    node.put("evidence", integration.evidence().key());
    node.put("calls", integration.calls());
    node.put("withoutObject", integration.withoutObject());
    node.put("unmapped", integration.unmapped());
    ObjectNode operations = node.putObject("unmappedOperations");
    integration.unmappedOperations().forEach(operations::put);
    ArrayNode unused = node.putArray("unused");
    for (UnusedAccess access : integration.unused()) {
      ObjectNode entry = unused.addObject();
      entry.put("object", access.object());
      ArrayNode verbs = entry.putArray("verbs");
      access.verbKeys().forEach(verbs::add);
      entry.put("wholeObject", access.whole());
      ArrayNode sets = entry.putArray("grantedBy");
      access.sets().forEach(sets::add);
    }
    ArrayNode ungranted = node.putArray("ungranted");
    for (UngrantedAccess access : integration.ungranted()) {
      ObjectNode entry = ungranted.addObject();
      entry.put("object", access.object());
      ArrayNode verbs = entry.putArray("verbs");
      access.verbKeys().forEach(verbs::add);
      entry.put("calls", access.calls());
      entry.put("denied", access.denied());
      entry.put("lastSeen", access.lastSeen());
    }
  }
}
