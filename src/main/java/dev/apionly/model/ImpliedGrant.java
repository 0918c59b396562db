package dev.apionly.model;

import dev.apionly.diagnostic.Location;

/**
 * A grant the spec did not name but Salesforce requires, such as {@code Order.read} for {@code
 * Order.create}: reported to the user, never hidden.
 */
public record ImpliedGrant(String grant, String requiredBy, Location location) {}
