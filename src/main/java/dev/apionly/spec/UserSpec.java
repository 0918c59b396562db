package dev.apionly.spec;

import dev.apionly.diagnostic.Location;

/** The {@code user:} block of a spec; optional keys are null when not written. */
public record UserSpec(
    Location location,
    Ref username,
    Ref email,
    Ref lastName,
    Ref alias,
    Ref timeZone,
    Ref locale,
    Ref language,
    Ref emailEncoding) {}
