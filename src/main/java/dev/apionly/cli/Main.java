package dev.apionly.cli;

import dev.apionly.metadata.MetadataXml;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code apionly} command: subcommands for each step of keeping integration access in git. */
@Command(
    name = "apionly",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Least-privilege API-only integration users for Salesforce, from one YAML spec per"
          + " integration."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:policy errors, findings at error level, drift, or a tripped gate",
      "2:bad input (a spec, a flag or a file that cannot be used as it is)",
      "3:internal error (a bug in apionly: please report it with --debug output)"
    })
public final class Main implements Runnable {

  /** Exit code of a bug in apionly itself. */
  static final int INTERNAL_ERROR = 3;

  /**
   * The subcommands, by the name each declares, in the order help lists them. Picocli reads a
   * command's annotations when it is added, which takes a while for nine of them: a run adds only
   * the one it names, and all of them only when it needs the whole tree (help, completion).
   */
  static final Set<String> SUBCOMMANDS =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              List.of(
                  "generate",
                  "lint",
                  "import",
                  "review",
                  "report",
                  "init",
                  "schema",
                  "completion",
                  "validate",
                  "usage")));

  /** A new instance of the subcommand {@code name}. */
  static Object subcommand(String name) {
    return switch (name) {
      case "generate" -> new GenerateCommand();
      case "lint" -> new LintCommand();
      case "import" -> new ImportCommand();
      case "review" -> new ReviewCommand();
      case "report" -> new ReportCommand();
      case "init" -> new InitCommand();
      case "schema" -> new SchemaCommand();
      case "completion" -> new CompletionCommand();
      case "validate" -> new ValidateCommand();
      case "usage" -> new UsageCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * The configured command line with every subcommand, writing to {@code out} and {@code err},
   * never in colour.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, CommandLine.Help.Ansi.OFF, SUBCOMMANDS);
  }

  /**
   * The configured command line with the {@code subcommands} named; {@code ansi} says whether help
   * and diagnostics use colour.
   */
  static CommandLine commandLine(
      PrintWriter out, PrintWriter err, CommandLine.Help.Ansi ansi, Set<String> subcommands) {
    CommandLine line = new CommandLine(new Main());
    for (String name : subcommands) {
      line.addSubcommand(name, subcommand(name));
    }
    line.setOut(out);
    line.setErr(err);
    line.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setExecutionExceptionHandler(new ErrorHandler(ansi));
    line.setParameterExceptionHandler(ErrorHandler::usage);
    return line;
  }

  /** Runs {@code args} with the given streams, without colour; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, CommandLine.Help.Ansi.OFF, args);
  }

  static int run(PrintWriter out, PrintWriter err, CommandLine.Help.Ansi ansi, String... args) {
    try {
      return commandLine(out, err, ansi, needed(args)).execute(args);
    } catch (Error e) {
      // picocli hands exceptions to ErrorHandler but lets errors through
      return ErrorHandler.internal(err, e, List.of(args).contains("--debug"));
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * The subcommands a run of {@code args} needs: the one named first, or all of them when none is
   * (the root's help and errors list them) or for completion, which covers the whole tree.
   */
  static Set<String> needed(String... args) {
    if (args.length > 0 && SUBCOMMANDS.contains(args[0]) && !args[0].equals("completion")) {
      return Set.of(args[0]);
    }
    return SUBCOMMANDS;
  }

  /** The subcommands that read metadata XML: generate reads back every file it renders. */
  static final Set<String> READ_METADATA = Set.of("generate", "import");

  public static void main(String[] args) {
    if (args.length > 0 && READ_METADATA.contains(args[0])) {
      // first, on a core of its own: the JAXB context takes longer to build than the specs take
      // to load, and rendering needs it for its first parse-back
      MetadataXml.startLoading();
    }
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, false, StandardCharsets.UTF_8);
    int code =
        run(
            out,
            err,
            Colour.ansi(System.getenv(), Colour.errorIsTerminal(System.console() != null)),
            args);
    System.exit(code);
  }
}
