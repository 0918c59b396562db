package dev.apionly.review;

import dev.apionly.model.Grant;
import dev.apionly.model.RiskLevel;
import java.util.Comparator;

/** A grant and its risk level in the org's policy. */
public record RatedGrant(Grant grant, RiskLevel risk) {

  /** Riskiest first, then in grant order. */
  public static final Comparator<RatedGrant> ORDER =
      Comparator.comparing(RatedGrant::risk).reversed().thenComparing(RatedGrant::grant);
}
