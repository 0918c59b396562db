package dev.apionly.diagnostic;

/** How serious a diagnostic is; only errors stop a stage. */
public enum Severity {
  ERROR,
  WARNING,
  NOTE;

  /** The lower-case word used in messages ("error", "warning", "note"). */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
