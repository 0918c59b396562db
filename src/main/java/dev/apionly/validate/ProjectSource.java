package dev.apionly.validate;

import dev.apionly.metadata.SourceTree;
import dev.apionly.model.GrantType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The names an SFDX project's own source defines, read from every package directory in source
 * format: objects with their fields and record types, Apex classes, Visualforce pages, flows,
 * custom permissions, custom metadata types, custom settings and external credential principals.
 * Every lookup ignores case, as Salesforce does.
 */
public final class ProjectSource {

  /** One object folder: its API name, where it is, and the fields and record types in it. */
  public record SourceObject(
      String name, Path folder, Map<String, String> fields, Map<String, String> recordTypes) {}

  private final List<Path> directories;
  private final Map<String, MutableObject> objects = new TreeMap<>();
  private final Map<GrantType, Map<String, String>> names = new EnumMap<>(GrantType.class);

  /** Whether the custom settings among the objects have been read from their definitions. */
  private boolean settingsRead;

  private ProjectSource(List<Path> directories) {
    this.directories = List.copyOf(directories);
    for (GrantType kind : GrantType.lists()) {
      names.put(kind, new TreeMap<>());
    }
  }

  /** Reads the package directories {@code directories} (absolute, inside the project). */
  public static ProjectSource read(List<Path> directories) {
    ProjectSource source = new ProjectSource(directories);
    SourceTree.walk(directories, source::file);
    source.objects.values().stream()
        .filter(o -> o.name.toLowerCase(Locale.ROOT).endsWith("__mdt"))
        .forEach(o -> source.add(GrantType.CUSTOM_METADATA_TYPE, o.name));
    return source;
  }

  /** The package directories read. */
  public List<Path> directories() {
    return directories;
  }

  /** The object named {@code name}, in any letter case. */
  public Optional<SourceObject> object(String name) {
    MutableObject found = objects.get(key(name));
    return Optional.ofNullable(found).map(MutableObject::freeze);
  }

  /** Every object's API name as the source spells it. */
  public List<String> objectNames() {
    return objects.values().stream().map(o -> o.name).toList();
  }

  /** The names of one list kind, lower case → as the source spells it. */
  public synchronized Map<String, String> names(GrantType kind) {
    if (kind == GrantType.CUSTOM_SETTING && !settingsRead) {
      // custom settings are objects whose definition says so: read only when a spec names one
      settingsRead = true;
      objects.values().stream()
          .filter(o -> o.definition != null && contains(o.definition, "customSettingsType"))
          .forEach(o -> add(GrantType.CUSTOM_SETTING, o.name));
    }
    return java.util.Collections.unmodifiableMap(names.get(kind));
  }

  private void file(Path file) {
    String name = file.getFileName().toString();
    Path parent = file.getParent();
    String folder = parent == null ? "" : parent.getFileName().toString();
    if (name.endsWith(".object-meta.xml")) {
      String object = stem(name, ".object-meta.xml");
      object(object, parent).definition = file;
    } else if (name.endsWith(".field-meta.xml") && folder.equals("fields")) {
      object(grandparent(file), parent.getParent()).put(true, stem(name, ".field-meta.xml"));
    } else if (name.endsWith(".recordType-meta.xml") && folder.equals("recordTypes")) {
      object(grandparent(file), parent.getParent()).put(false, stem(name, ".recordType-meta.xml"));
    } else if (name.endsWith(".cls")) {
      add(GrantType.APEX_CLASS, stem(name, ".cls"));
    } else if (name.endsWith(".page")) {
      add(GrantType.APEX_PAGE, stem(name, ".page"));
    } else if (name.endsWith(".flow-meta.xml")) {
      add(GrantType.FLOW, stem(name, ".flow-meta.xml"));
    } else if (name.endsWith(".customPermission-meta.xml")) {
      add(GrantType.CUSTOM_PERMISSION, stem(name, ".customPermission-meta.xml"));
    } else if (name.endsWith(".externalCredential-meta.xml")) {
      String credential = stem(name, ".externalCredential-meta.xml");
      for (String principal : principals(file)) {
        add(GrantType.EXTERNAL_CREDENTIAL_PRINCIPAL, credential + "-" + principal);
      }
    }
  }

  private MutableObject object(String name, Path folder) {
    return objects.computeIfAbsent(key(name), k -> new MutableObject(name, folder));
  }

  private void add(GrantType kind, String name) {
    names.get(kind).putIfAbsent(key(name), name);
  }

  private static String grandparent(Path file) {
    return file.getParent().getParent().getFileName().toString();
  }

  private static String stem(String name, String suffix) {
    return name.substring(0, name.length() - suffix.length());
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Whether the XML file has an element named {@code element} anywhere. */
  private static boolean contains(Path file, String element) {
    boolean[] found = {false};
    elements(file, (local, text) -> found[0] |= local.equals(element));
    return found[0];
  }

  /**
   * The principals an external credential defines: its parameters whose type ends in {@code
   * Principal} (NamedPrincipal, PerUserPrincipal, AwsStsPrincipal), by parameter name.
   */
  private static List<String> principals(Path file) {
    List<String> out = new ArrayList<>();
    String[] current = new String[2];
    elements(
        file,
        (local, text) -> {
          switch (local) {
            case "parameterName" -> current[0] = text;
            case "parameterType" -> current[1] = text;
            case "/externalCredentialParameters" -> {
              if (current[0] != null && current[1] != null && current[1].endsWith("Principal")) {
                out.add(current[0]);
              }
              current[0] = null;
              current[1] = null;
            }
            default -> {}
          }
        });
    return out;
  }

  /** Sees one element: its local name and its text (or "/name" and null at its end). */
  private interface ElementVisitor {
    void element(String localName, String text);
  }

  private static final XMLInputFactory INPUT = inputFactory();

  private static XMLInputFactory inputFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }

  /** Reads {@code file} element by element; a file that is not XML defines nothing. */
  private static void elements(Path file, ElementVisitor visitor) {
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader reader = INPUT.createXMLStreamReader(in);
      try {
        String open = null;
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            open = reader.getLocalName();
            text.setLength(0);
          } else if (event == XMLStreamConstants.CHARACTERS) {
            text.append(reader.getText());
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            if (reader.getLocalName().equals(open)) {
              visitor.element(open, text.toString().strip());
            }
            visitor.element("/" + reader.getLocalName(), null);
            open = null;
          }
        }
      } finally {
        reader.close();
      }
    } catch (IOException | XMLStreamException e) {
      // unreadable or not XML: it defines nothing apionly could name
    }
  }

  /** An object folder as it is being read. */
  private static final class MutableObject {
    final String name;
    final Path folder;
    final Map<String, String> fields = new TreeMap<>();
    final Map<String, String> recordTypes = new TreeMap<>();

    /** The object's definition file, when the source has one. */
    Path definition;

    MutableObject(String name, Path folder) {
      this.name = name;
      this.folder = folder;
    }

    void put(boolean field, String name) {
      (field ? fields : recordTypes).putIfAbsent(key(name), name);
    }

    SourceObject freeze() {
      return new SourceObject(
          name,
          folder,
          java.util.Collections.unmodifiableMap(fields),
          java.util.Collections.unmodifiableMap(recordTypes));
    }
  }
}
