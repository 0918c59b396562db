package dev.apionly.cli;

/**
 * A command that may write files, and says whether this run would: only then can a failure's
 * summary honestly promise that nothing was written (a read-only command never had anything to
 * write, and saying so would suggest it might have).
 */
interface WritesFiles {

  /** Whether this run, with its options as given, writes files when it succeeds. */
  boolean writesFiles();
}
