package dev.apionly.render;

/**
 * What the sf CLI must do for one environment when it deploys one generated file: replace the
 * production username, as the file holds it, with the contents of {@code valueFile}.
 */
public record UsernameReplacement(
    String filename, String productionUsername, String valueFile, String environment) {}
