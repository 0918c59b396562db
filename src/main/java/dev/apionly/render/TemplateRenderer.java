package dev.apionly.render;

/** Renders one named template with its typed variables. */
public interface TemplateRenderer {

  /**
   * The text of template {@code name} (e.g. {@code permissionset-meta.xml.vm}) for {@code vars}.
   */
  String render(String name, TemplateVars vars);
}
