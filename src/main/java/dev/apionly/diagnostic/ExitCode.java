package dev.apionly.diagnostic;

/** The process exit codes every command shares (docs/design.md, "Exit codes"). */
public final class ExitCode {

  /** Success: nothing wrong, nothing out of date. */
  public static final int OK = 0;

  /** Policy errors, lint findings at error level, drift, or a tripped review gate. */
  public static final int FINDINGS = 1;

  /** Bad input: a spec, a flag or a file that cannot be used as it is. */
  public static final int BAD_INPUT = 2;

  private ExitCode() {}
}
