package dev.apionly.write;

/**
 * Counts the file operations of the write phase so tests can stop the process after any one of
 * them, as a power cut or {@code kill -9} would: with the system property {@code
 * apionly.test.crash-after=N}, the JVM halts (exit 137) at the N-th operation. Unset, it does
 * nothing but count.
 */
final class CrashPoint {

  /** The exit status of a halted run, the one a shell reports for {@code kill -9}. */
  static final int HALTED = 137;

  private static final long CRASH_AFTER = Long.getLong("apionly.test.crash-after", 0);

  private static long reached;

  private CrashPoint() {}

  /** Marks one file operation done. */
  static synchronized void reached() {
    reached++;
    if (reached == CRASH_AFTER) {
      Runtime.getRuntime().halt(HALTED);
    }
  }
}
