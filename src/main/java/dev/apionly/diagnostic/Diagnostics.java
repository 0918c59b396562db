package dev.apionly.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the diagnostics of one stage; the stage stops once, at its end, if any is an error. */
public final class Diagnostics {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.location().file().toString())
          .thenComparingInt(d -> d.location().line())
          .thenComparingInt(d -> d.location().column())
          .thenComparing(Diagnostic::message);

  private final List<Diagnostic> all = new ArrayList<>();

  public void error(Location location, String message) {
    add(Diagnostic.error(location, message));
  }

  public void warning(Location location, String message) {
    add(Diagnostic.warning(location, message));
  }

  public void add(Diagnostic diagnostic) {
    synchronized (all) {
      all.add(diagnostic);
    }
  }

  public void addAll(Diagnostics other) {
    other.sorted().forEach(this::add);
  }

  public boolean hasErrors() {
    synchronized (all) {
      return all.stream().anyMatch(Diagnostic::isError);
    }
  }

  public boolean isEmpty() {
    synchronized (all) {
      return all.isEmpty();
    }
  }

  /** Everything collected, by file, line, column and message, so output is stable. */
  public List<Diagnostic> sorted() {
    synchronized (all) {
      List<Diagnostic> copy = new ArrayList<>(all);
      copy.sort(ORDER);
      return copy;
    }
  }

  /** Ends the stage with {@code exitCode} if anything collected is an error. */
  public void throwIfErrors(int exitCode) {
    if (hasErrors()) {
      throw new ApionlyException(exitCode, sorted());
    }
  }
}
