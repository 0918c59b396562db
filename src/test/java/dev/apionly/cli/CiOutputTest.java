package dev.apionly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/** What CI sees: enumerated options in any letter case, and failure summaries that are true. */
class CiOutputTest {

  private static CommandLine tree() {
    StringWriter sink = new StringWriter();
    return Main.commandLine(new PrintWriter(sink), new PrintWriter(sink));
  }

  /**
   * Every option of every command that takes one of a fixed set of values is found from the command
   * tree (not listed here), and accepts each value upper-cased, lower-cased and capitalised.
   */
  @Test
  void everyEnumeratedOptionAcceptsAnyLetterCase() {
    Set<String> checked = new TreeSet<>();
    for (var command : tree().getSubcommands().entrySet()) {
      for (OptionSpec option : command.getValue().getCommandSpec().options()) {
        if (option.completionCandidates() == null) {
          continue;
        }
        for (String value : option.completionCandidates()) {
          for (String variant :
              List.of(
                  value.toUpperCase(Locale.ROOT),
                  value.toLowerCase(Locale.ROOT),
                  value.substring(0, 1).toUpperCase(Locale.ROOT)
                      + value.substring(1).toLowerCase(Locale.ROOT))) {
            List<String> args = new ArrayList<>(List.of(command.getKey(), option.longestName()));
            args.add(variant);
            args.addAll(required(command.getValue(), option));
            ParseResult parsed = tree().parseArgs(args.toArray(String[]::new));
            Object got = parsed.subcommand().matchedOption(option.longestName()).getValue();
            assertTrue(
                String.valueOf(got).equalsIgnoreCase(value),
                args + " gave " + got + ", expected " + value);
          }
        }
        checked.add(command.getKey() + " " + option.longestName());
      }
    }
    assertTrue(
        checked.containsAll(
            Set.of("lint --format", "review --format", "review --fail-on", "report --format")),
        checked.toString());
  }

  /** Placeholder values for what a command requires, so it parses. */
  private static List<String> required(CommandLine command, OptionSpec besides) {
    List<String> args = new ArrayList<>();
    for (ArgSpec arg : command.getCommandSpec().args()) {
      if (!arg.required() || arg == besides) {
        continue;
      }
      if (arg instanceof OptionSpec option) {
        args.add(option.longestName());
      }
      args.add(arg instanceof PositionalParamSpec ? "Placeholder" : "placeholder");
    }
    return args;
  }

  @Test
  void theGateAndFormatsTakeCapitals(@TempDir Path dir) {
    TestFiles.copy(TestFiles.repository().resolve("examples"), dir.resolve("base"));
    TestFiles.copy(TestFiles.repository().resolve("examples"), dir.resolve("head"));
    String base = dir.resolve("base").toString();
    String head = dir.resolve("head").toString();
    Cli.Run run = Cli.run("review", "--base", base, "--fail-on", "HIGH", "--format", "JSON", head);
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("{"), run.out());
    Cli.Run bad = Cli.run("review", "--base", base, "--fail-on", "Severe", head);
    assertEquals(2, bad.exitCode(), bad.toString());
    assertTrue(
        bad.err().contains("'Severe' is not a risk level; accepted: low, medium, high, critical"),
        bad.err());
  }

  /** A read-only command had nothing to write: its summary must not suggest otherwise. */
  @Test
  void onlyCommandsThatWriteSayNothingWasWritten(@TempDir Path dir) {
    TestFiles.sfdxProject(dir);
    Path specs = dir.resolve("specs");
    TestFiles.write(specs.resolve("a.yaml"), "name: A\nowner: o@acme.example\nobjcts: {}\n");
    String s = specs.toString();
    String project = dir.toString();
    for (String[] args :
        List.of(
            new String[] {"lint", s},
            new String[] {"lint", "--format", "sarif", s},
            new String[] {"validate", "--list-objects", s},
            new String[] {"review", "--base", s, s},
            new String[] {"report", s},
            new String[] {"generate", "--check", s, "--out", project})) {
      Cli.Run run = Cli.run(args);
      assertEquals(2, run.exitCode(), String.join(" ", args) + "\n" + run);
      assertTrue(run.err().contains("1 error"), String.join(" ", args) + "\n" + run.err());
      assertFalse(run.err().contains("written"), String.join(" ", args) + "\n" + run.err());
    }
    for (String[] args :
        List.of(
            new String[] {"generate", s, "--out", project},
            new String[] {"report", s, "--out", dir.resolve("access.html").toString()})) {
      Cli.Run run = Cli.run(args);
      assertEquals(2, run.exitCode(), String.join(" ", args) + "\n" + run);
      assertTrue(
          run.err().contains("1 error; nothing was written"),
          String.join(" ", args) + "\n" + run.err());
    }
  }
}
