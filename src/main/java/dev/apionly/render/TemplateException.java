package dev.apionly.render;

/**
 * A template is missing, malformed or fails on its variables: a user's templates directory is
 * wrong.
 */
public final class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }
}
