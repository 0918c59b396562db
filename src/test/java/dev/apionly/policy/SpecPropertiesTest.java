package dev.apionly.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.metadata.MetadataRoot;
import dev.apionly.metadata.MetadataSchema;
import dev.apionly.metadata.MetadataXml;
import dev.apionly.model.Integration;
import dev.apionly.model.PermissionSet;
import dev.apionly.render.IntegrationRenderer;
import dev.apionly.render.OutputLayout;
import dev.apionly.render.RenderedFile;
import dev.apionly.render.VelocityRenderer;
import dev.apionly.resolve.Resolver;
import dev.apionly.spec.ProjectConfig;
import dev.apionly.spec.SpecParser;
import dev.apionly.spec.SpecSet;
import dev.apionly.spec.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Properties over thousands of generated specs: valid ones always render to files the Metadata API
 * schema accepts and whose parsed-back grants are the spec's after closure; mutated ones never get
 * further than a diagnostic.
 */
class SpecPropertiesTest {

  private static final Path FILE = Path.of("specs/generated.yaml");
  private static final List<String> OBJECTS =
      List.of("Account", "Contact", "Order", "Invoice__c", "ns__Proj__c", "Log__b", "Case");
  private static final List<String> VERBS =
      List.of("read", "create", "edit", "delete", "viewAll", "modifyAll");
  private static final List<String> FIELDS =
      List.of("Name", "Status", "Amount__c", "ns__Code__c", "Type", "Description");
  private static final List<String> PERMISSIONS = List.of("RunFlow", "ApiEnabled", "ViewSetup");

  private static final MetadataSchema SCHEMA = MetadataSchema.bundled();
  private static final IntegrationRenderer RENDERER =
      new IntegrationRenderer(VelocityRenderer.builtIn(), new OutputLayout("force-app", "66.0"));

  /** One object's grant as YAML, and the verbs and fields it must end up with. */
  record ObjectGrant(String object, List<String> verbs, List<String> read, List<String> edit) {
    String yaml() {
      StringBuilder out = new StringBuilder("  " + object + ":\n");
      out.append("    access: [").append(String.join(", ", verbs)).append("]\n");
      out.append("    justification: Needed for the property under test.\n");
      if (!read.isEmpty() || !edit.isEmpty()) {
        out.append("    fields:\n");
        if (!read.isEmpty()) {
          out.append("      read: [").append(String.join(", ", read)).append("]\n");
        }
        if (!edit.isEmpty()) {
          out.append("      edit: [").append(String.join(", ", edit)).append("]\n");
        }
      }
      return out.toString();
    }

    /** The verbs after Salesforce's dependency rules, written independently of the resolver. */
    Set<String> closedVerbs() {
      boolean big = object.endsWith("__b");
      Set<String> out = new TreeSet<>(verbs);
      if (out.contains("modifyAll")) {
        out.addAll(List.of("read", "delete", "viewAll"));
        if (!big) {
          out.add("edit");
        }
      }
      if (out.contains("delete") && !big) {
        out.add("edit");
      }
      if (!out.isEmpty()) {
        out.add("read");
      }
      return out;
    }
  }

  @Provide
  Arbitrary<ObjectGrant> objectGrants() {
    Arbitrary<String> object = Arbitraries.of(OBJECTS);
    Arbitrary<List<String>> fields = Arbitraries.of(FIELDS).list().uniqueElements().ofMaxSize(4);
    return Combinators.combine(object, fields, fields, Arbitraries.integers().between(1, 63))
        .as(
            (name, read, edit, mask) -> {
              List<String> verbs = new ArrayList<>();
              for (int i = 0; i < VERBS.size(); i++) {
                boolean edits = VERBS.get(i).equals("edit");
                if ((mask & (1 << i)) != 0 && !(edits && name.endsWith("__b"))) {
                  verbs.add(VERBS.get(i));
                }
              }
              if (verbs.isEmpty()) {
                verbs.add("read");
              }
              List<String> readOnly = new ArrayList<>(read);
              readOnly.removeAll(edit);
              return new ObjectGrant(name, verbs, readOnly, edit);
            });
  }

  @Provide
  Arbitrary<String> labels() {
    return Arbitraries.strings()
        .withChars("abcXYZ <>&\"'$#{}()é漢 ")
        .ofMinLength(1)
        .ofMaxLength(60)
        .filter(s -> !s.isBlank());
  }

  @Property(tries = 1000)
  void validSpecsRenderValidXmlWithExactlyTheirGrants(
      @ForAll @Size(max = 5) List<@From("objectGrants") ObjectGrant> grants,
      @ForAll("labels") String label,
      @ForAll List<@net.jqwik.api.constraints.IntRange(min = 0, max = 2) Integer> permissionPicks)
      throws Exception {
    List<ObjectGrant> unique = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    grants.stream().filter(g -> seen.add(g.object())).forEach(unique::add);
    Set<String> permissions = new TreeSet<>();
    permissionPicks.forEach(i -> permissions.add(PERMISSIONS.get(i)));

    StringBuilder yaml = new StringBuilder("name: Property_Check\nowner: o@acme.example\n");
    yaml.append("label: '").append(label.replace("'", "''")).append("'\n");
    if (!unique.isEmpty()) {
      yaml.append("objects:\n");
      unique.forEach(g -> yaml.append(g.yaml()));
    }
    if (!permissions.isEmpty()) {
      yaml.append("userPermissions:\n");
      permissions.forEach(
          p -> yaml.append("  - name: ").append(p).append("\n    justification: Test.\n"));
    }

    Diagnostics diagnostics = new Diagnostics();
    var spec =
        YamlReader.read(FILE, yaml.toString(), diagnostics)
            .flatMap(root -> SpecParser.parse(FILE, root, diagnostics))
            .orElseThrow(() -> new AssertionError(yaml + "\n" + diagnostics.sorted()));
    SpecSet set = new SpecSet(List.of(new SpecSet.LoadedSpec(spec, ProjectConfig.none())));
    var resolved = Resolver.resolve(set, Path.of(""), diagnostics);
    Integration integration = resolved.integrations().get(0);
    assertEquals(
        List.of(), Linter.atLeast(Linter.lint(resolved), dev.apionly.diagnostic.Severity.ERROR));

    for (RenderedFile file : RENDERER.render(integration)) {
      if (file.path().endsWith(".xml")) {
        assertEquals(
            List.of(),
            SCHEMA.validate(file.text()).stream().map(Throwable::getMessage).toList(),
            file.text());
      }
      if (file.path().endsWith(".permissionset-meta.xml")) {
        PermissionSet parsed =
            MetadataXml.toModel(
                "Property_Check", MetadataXml.parse(file.text(), MetadataRoot.PERMISSION_SET));
        assertEquals(label.strip(), parsed.label());
        Set<String> expected = new TreeSet<>();
        for (ObjectGrant grant : unique) {
          grant.closedVerbs().forEach(v -> expected.add(grant.object() + "." + v));
          grant.read().forEach(f -> expected.add(grant.object() + "." + f + ":read"));
          grant.edit().forEach(f -> expected.add(grant.object() + "." + f + ":edit"));
        }
        permissions.forEach(expected::add);
        if (permissions.contains("ViewSetup")) {
          expected.add("ViewRoles");
        }
        Set<String> actual = new TreeSet<>();
        parsed
            .objects()
            .forEach(o -> o.verbs().forEach(v -> actual.add(o.object() + "." + v.key())));
        parsed.fields().forEach(f -> actual.add(f.field() + (f.editable() ? ":edit" : ":read")));
        actual.addAll(parsed.userPermissions());
        assertEquals(expected, actual, yaml.toString());
      }
    }
  }

  @Provide
  Arbitrary<String> mutatedSpecs() {
    String base =
        "name: Mutant\nowner: o@acme.example\nuser:\n  username: m@acme.example.integration\n"
            + "  email: m@acme.example\nobjects:\n  Account:\n    access: [read, edit]\n"
            + "    fields: {read: [Name], edit: [Type]}\n    recordTypes: [Retail]\n"
            + "userPermissions:\n  - RunFlow\n  - {name: ViewSetup, justification: x}\n"
            + "mute:\n  objects: {Account: {access: edit}}\n";
    Arbitrary<Integer> position = Arbitraries.integers().between(0, base.length() - 1);
    Arbitrary<String> insert =
        Arbitraries.of(
            ":", "-", "[", "]", "{", "}", "\t", "\n", " ", "&a", "*a", "'", "\"", "#", "!!",
            "\u0000", "__", "..", "%");
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
    return Combinators.combine(position, position, insert, kind)
        .as(
            (at, to, text, how) ->
                switch (how) {
                  case 0 -> base.substring(0, at) + text + base.substring(at);
                  case 1 -> base.substring(0, Math.min(at, to)) + base.substring(Math.max(at, to));
                  default -> base.substring(0, at) + base.substring(to) + base.substring(at);
                });
  }

  @Property(tries = 3000)
  void mutatedSpecsNeverThrow(@ForAll("mutatedSpecs") String yaml) {
    Diagnostics diagnostics = new Diagnostics();
    YamlReader.read(FILE, yaml, diagnostics)
        .flatMap(root -> SpecParser.parse(FILE, root, diagnostics))
        .filter(spec -> !diagnostics.hasErrors()) // as the loader does: a bad spec stops here
        .ifPresent(
            spec -> {
              SpecSet set =
                  new SpecSet(List.of(new SpecSet.LoadedSpec(spec, ProjectConfig.none())));
              try {
                Linter.lint(Resolver.resolve(set, Path.of(""), diagnostics));
              } catch (dev.apionly.diagnostic.ApionlyException expected) {
                // a diagnosed refusal is the right outcome; any other exception fails the property
              }
            });
  }
}
