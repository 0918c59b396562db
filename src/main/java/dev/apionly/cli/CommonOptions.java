package dev.apionly.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {

  @Option(names = "--debug", description = "Print stack traces of errors (for bug reports).")
  boolean debug;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only errors.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print more: every implied grant, every unchanged file.")
  boolean verbose;
}
