package dev.apionly.render;

import dev.apionly.model.Component;
import dev.apionly.model.EnvironmentUsername;
import dev.apionly.model.Integration;
import dev.apionly.model.IntegrationUser;
import dev.apionly.model.MetadataType;
import dev.apionly.model.Salesforce;
import dev.apionly.render.Vars.PackageVars;
import dev.apionly.render.Vars.ProvisionScriptVars;
import dev.apionly.render.Vars.UserDefinitionVars;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The render stage: every file of docs/design.md ("Generated files") for each integration, through
 * the templates.
 */
public final class IntegrationRenderer {

  private final TemplateRenderer templates;
  private final OutputLayout layout;

  public IntegrationRenderer(TemplateRenderer templates, OutputLayout layout) {
    this.templates = templates;
    this.layout = layout;
  }

  public OutputLayout layout() {
    return layout;
  }

  /**
   * The files of one integration, in a fixed order: its components in registry order, then its
   * user's definition and provisioning script. Every file is attempted: when templates fail, the
   * first failure is thrown carrying the others ({@link TemplateException#all}).
   */
  public List<RenderedFile> render(Integration integration) {
    List<RenderedFile> files = new ArrayList<>();
    List<TemplateException> failed = new ArrayList<>();
    String name = integration.name();
    for (Component component : MetadataType.components(integration)) {
      String path = layout.metadata(component.type(), component.member());
      attempt(files, failed, path, name, Vars.of(component.type(), integration));
    }
    if (integration.user().isPresent()) {
      IntegrationUser user = integration.user().get();
      String group = integration.group().name();
      attempt(files, failed, layout.userDefinition(name), name, new UserDefinitionVars(user));
      attempt(
          files,
          failed,
          layout.provisionScript(name),
          name,
          new ProvisionScriptVars(integration, user, Salesforce.API_INTEGRATION_PSL, group));
    }
    TemplateException.throwIfAny(failed);
    return files;
  }

  private void attempt(
      List<RenderedFile> files,
      List<TemplateException> failed,
      String path,
      String integration,
      TemplateVars vars) {
    try {
      files.add(file(path, integration, vars));
    } catch (TemplateException e) {
      failed.add(e);
    }
  }

  /**
   * For each environment of the integration's user, the file holding its username as the sf CLI
   * puts it in place (escaped for XML, as the generated files hold usernames, and with '$' doubled,
   * which a JavaScript replacement would read as a group reference), plus one replacement per
   * generated metadata file of {@code files} that names the production username.
   */
  public List<RenderedFile> environmentValues(
      Integration integration, List<RenderedFile> files, List<UsernameReplacement> replacements) {
    List<RenderedFile> values = new ArrayList<>();
    // without environments there is nothing to replace: no file's text need be searched
    if (integration.user().isEmpty() || integration.user().get().environments().isEmpty()) {
      return values;
    }
    IntegrationUser user = integration.user().get();
    String production = Escaper.XML.escape(user.username());
    List<String> targets =
        files.stream()
            .filter(f -> f.path().startsWith(layout.packageDirectory() + "/"))
            .filter(f -> f.text().contains(production))
            .map(RenderedFile::path)
            .toList();
    for (EnvironmentUsername environment : user.environments()) {
      String path = layout.environmentValue(environment.environment(), integration.name());
      String value = Escaper.XML.escape(environment.username()).replace("$", "$$");
      values.add(RenderedFile.of(path, integration.name(), value + "\n"));
      for (String target : targets) {
        replacements.add(
            new UsernameReplacement(target, production, path, environment.environment()));
      }
    }
    return values;
  }

  /** The manifest at {@code manifestPath} listing {@code components}. */
  public RenderedFile manifest(String manifestPath, Collection<Component> components) {
    return packageManifest(manifestPath, components);
  }

  /**
   * The destructive manifest at {@code path} listing {@code components}: the same format as
   * package.xml, rendered by the same template.
   */
  public RenderedFile destructiveManifest(String path, Collection<Component> components) {
    return packageManifest(path, components);
  }

  private RenderedFile packageManifest(String path, Collection<Component> components) {
    Map<String, TreeSet<String>> byType = new TreeMap<>();
    for (Component component : components) {
      byType
          .computeIfAbsent(component.type().typeName(), t -> new TreeSet<>())
          .add(component.member());
    }
    List<PackageVars.Type> types =
        byType.entrySet().stream()
            .map(e -> new PackageVars.Type(e.getKey(), List.copyOf(e.getValue())))
            .toList();
    return file(path, null, new PackageVars(types, layout.apiVersion()));
  }

  private RenderedFile file(String path, String integration, TemplateVars vars) {
    return RenderedFile.of(path, integration, templates.render(vars.template(), vars));
  }
}
