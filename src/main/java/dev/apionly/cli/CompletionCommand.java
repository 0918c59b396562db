package dev.apionly.cli;

import dev.apionly.diagnostic.ExitCode;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code apionly completion}: a bash and zsh completion script for every command and option. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Print a completion script for bash and zsh.",
      "Current shell: source <(apionly completion)",
      "For good: apionly completion > /etc/bash_completion.d/apionly (zsh: run 'autoload -U"
          + " +X bashcompinit && bashcompinit' first)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed"})
final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CommandSpec root = spec.root();
    spec.commandLine().getOut().print(AutoComplete.bash(root.name(), root.commandLine()));
    return ExitCode.OK;
  }
}
