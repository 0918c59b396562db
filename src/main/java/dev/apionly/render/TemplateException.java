package dev.apionly.render;

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
}
