package dev.apionly.render;

/**
 * The variables of one template, as one typed object: a template sees exactly the record's
 * components, under the name {@code $v}.
 */
public interface TemplateVars {

  /** The template this object fills. */
  String template();
}
