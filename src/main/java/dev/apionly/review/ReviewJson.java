package dev.apionly.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apionly.json.JsonText;
import dev.apionly.model.Component;
import dev.apionly.model.RiskLevel;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Review} as JSON, in the shape {@code review.schema.json} (beside this class) describes:
 * every key always present, {@code null} where there is no value, lists sorted as in the Markdown.
 */
public final class ReviewJson {

  /** Raised when the shape of the output changes in a way that breaks readers. */
  public static final int SCHEMA_VERSION = 1;

  private ReviewJson() {}

  /** The report, pretty-printed with two-space indents and a final newline. */
  public static String of(Review review, Optional<RiskLevel> failOn) {
    ObjectNode root = JsonText.object();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("base", review.base());
    root.put("head", review.head());
    ObjectNode summary = root.putObject("summary");
    summary.put("integrationsChanged", review.count(IntegrationReview.Status.CHANGED));
    summary.put("integrationsAdded", review.count(IntegrationReview.Status.ADDED));
    summary.put("integrationsRemoved", review.count(IntegrationReview.Status.REMOVED));
    summary.put("highestRiskAdded", review.highestWidening().map(RiskLevel::key).orElse(null));
    summary.put("failOn", failOn.map(RiskLevel::key).orElse(null));
    summary.put("gateTripped", failOn.map(review::widensAtLeast).orElse(false));
    ArrayNode integrations = root.putArray("integrations");
    review.integrations().forEach(i -> integration(integrations.addObject(), i));
    ArrayNode moves = root.putArray("moves");
    for (Review.Move move : review.moves()) {
      ObjectNode node = moves.addObject();
      node.put("integration", move.integration());
      node.put("from", move.from());
      node.put("to", move.to());
    }
    components(root.putArray("deletedComponents"), review.deletedComponents());
    return JsonText.of(root);
  }

  private static void integration(ObjectNode node, IntegrationReview integration) {
    node.put("name", integration.name());
    node.put("status", integration.status().key());
    node.put("owner", integration.owner());
    node.put("ticket", integration.ticket());
    node.put("specBefore", integration.specBefore().orElse(null));
    node.put("specAfter", integration.specAfter().orElse(null));
    node.put("renamedFrom", integration.renamedFrom().orElse(null));
    node.put("highestRisk", integration.highestRisk().key());
    node.put("highestRiskAdded", integration.highestWidening().map(RiskLevel::key).orElse(null));
    ArrayNode changes = node.putArray("changes");
    for (AccessChange change : integration.changes()) {
      ObjectNode item = changes.addObject();
      item.put("area", change.area().key());
      item.put("action", change.action().key());
      item.put("target", change.target());
      strings(item.putArray("before"), change.before());
      strings(item.putArray("after"), change.after());
      item.put("risk", change.risk().key());
      item.put("widens", change.widens());
      item.put("justification", change.justification());
    }
    if (integration.group().isPresent()) {
      GroupAccess group = integration.group().get();
      ObjectNode item = node.putObject("group");
      item.put("name", group.name());
      strings(item.putArray("permissionSets"), group.permissionSets());
      strings(item.putArray("outsideSpecs"), group.outsideSpecs());
      item.put("mutingPermissionSet", group.mutingPermissionSet().orElse(null));
      grants(item.putArray("added"), group.added());
      grants(item.putArray("removed"), group.removed());
      grants(item.putArray("effective"), group.effective());
    } else {
      node.putNull("group");
    }
    components(node.putArray("deletedComponents"), integration.deletedComponents());
  }

  private static void grants(ArrayNode array, List<RatedGrant> grants) {
    for (RatedGrant grant : grants) {
      ObjectNode item = array.addObject();
      item.put("kind", AccessChange.Area.of(grant.grant().kind()).key());
      item.put("target", grant.grant().target());
      item.put("verb", grant.grant().verb().isEmpty() ? null : grant.grant().verb());
      item.put("risk", grant.risk().key());
    }
  }

  private static void components(ArrayNode array, List<Component> components) {
    for (Component component : components) {
      ObjectNode item = array.addObject();
      item.put("type", component.type().typeName());
      item.put("member", component.member());
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
