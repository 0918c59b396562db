package dev.apionly.render;

/** Renders one named template with its typed variables. */
public interface TemplateRenderer {

  /**
   * The text of template {@code name} (e.g. {@code permissionset-meta.xml.vm}) for {@code vars}.
   */
  String render(String name, TemplateVars vars);

  /**
   * Loads template {@code name} ahead of its first use, where loading is worth doing early. A
   * problem with it is left for {@link #render} to report.
   */
  default void prepare(String name) {}
}
