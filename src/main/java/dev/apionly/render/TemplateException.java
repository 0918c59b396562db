package dev.apionly.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A template is missing, malformed or fails on its variables: a user's templates directory is
 * wrong. Carries the template's name, and the line and column in it when they are known (0 when
 * not), so that the error can point into the template.
 */
public final class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String template;
  private final int line;
  private final int column;

  public TemplateException(String message) {
    this(null, 0, 0, message);
  }

  public TemplateException(String template, int line, int column, String message) {
    super(message);
    this.template = template;
    this.line = Math.max(line, 0);
    this.column = Math.max(column, 0);
  }

  /** The template's file name, when the failure is in one template. */
  public Optional<String> template() {
    return Optional.ofNullable(template);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /**
   * This failure and every other one met in the same pass ({@link #throwIfAny}), in the order met.
   */
  public List<TemplateException> all() {
    List<TemplateException> all = new ArrayList<>();
    all.add(this);
    for (Throwable other : getSuppressed()) {
      if (other instanceof TemplateException failure) {
        all.add(failure);
      }
    }
    return all;
  }

  /**
   * Throws the first of {@code failures}, carrying the others (see {@link #all}), so that one run
   * reports every broken template it met; does nothing when there are none.
   */
  public static void throwIfAny(List<TemplateException> failures) {
    if (failures.isEmpty()) {
      return;
    }
    TemplateException first = failures.get(0);
    failures.subList(1, failures.size()).forEach(first::addSuppressed);
    throw first;
  }
}
