package dev.apionly.metadata;

import com.ctc.wstx.stax.WstxInputFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import dev.apionly.model.FieldAccess;
import dev.apionly.model.ObjectAccess;
import dev.apionly.model.ObjectVerb;
import dev.apionly.model.PermissionSet;
import dev.apionly.model.PermissionSetGroup;
import dev.apionly.model.UserPermissions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Salesforce metadata XML safely (no DTDs, no external entities) and maps it to the model.
 */
public final class MetadataXml {

  /** The namespace of every Metadata API file. */
  public static final String NAMESPACE = "http://soap.sforce.com/2006/04/metadata";

  /**
   * The stream reader: Woodstox, named rather than looked up, with DTDs and so every entity off.
   * Factories and mappers are thread-safe once configured; a reader is made per file.
   */
  private static final XMLInputFactory INPUT = inputFactory();

  /**
   * Repeated elements are lists without a wrapper element, as in every Metadata API file, and may
   * be split; elements a class has no field for are skipped, or kept by the classes that collect
   * them.
   */
  private static final XmlMapper MAPPER =
      XmlMapper.builder(XmlFactory.builder().xmlInputFactory(INPUT).build())
          .defaultUseWrapper(false)
          // a hand-edited file may split a list (some entries, another element, more entries):
          // each run of entries adds to the list instead of replacing the one before
          .withConfigOverride(List.class, list -> list.setMergeable(true))
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final ClassValue<ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return MAPPER.readerFor(type);
        }
      };

  /** A small permission set: reading it loads every part of the reader a rendered file needs. */
  private static final String SAMPLE =
      "<PermissionSet xmlns=\""
          + NAMESPACE
          + "\"><description>d</description>"
          + "<fieldPermissions><editable>true</editable><field>A.B</field>"
          + "<readable>true</readable></fieldPermissions><label>l</label>"
          + "<objectPermissions><allowRead>true</allowRead><object>A</object></objectPermissions>"
          + "<userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>"
          + "</PermissionSet>";

  private MetadataXml() {}

  /**
   * Builds the readers of every generated file kind and reads a sample, so the first rendered file
   * does not wait for the reader to load.
   */
  public static void prepare() {
    for (Class<?> type :
        List.of(
            MutingPermissionSetXml.class,
            PermissionSetGroupXml.class,
            UserAccessPolicyXml.class,
            PackageXml.class)) {
      READERS.get(type);
    }
    try {
      parse(SAMPLE.getBytes(StandardCharsets.UTF_8), PermissionSetXml.class);
    } catch (MetadataException e) {
      throw new IllegalStateException("the metadata reader cannot read its own sample", e);
    }
  }

  private static XMLInputFactory inputFactory() {
    XMLInputFactory factory = new WstxInputFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /** Parses {@code text} as a metadata file whose root must be {@code type}. */
  public static <T> T parse(String text, Class<T> type) throws MetadataException {
    return parse(new StringReader(text), type);
  }

  /**
   * Parses {@code bytes} (UTF-8, or as its XML declaration says) as a metadata file of {@code
   * type}.
   */
  public static <T> T parse(byte[] bytes, Class<T> type) throws MetadataException {
    try {
      return parse(INPUT.createXMLStreamReader(new ByteArrayInputStream(bytes)), type);
    } catch (XMLStreamException e) {
      throw MetadataException.from(e);
    }
  }

  /** Parses {@code reader} as a metadata file whose root must be {@code type}. */
  public static <T> T parse(Reader reader, Class<T> type) throws MetadataException {
    try {
      return parse(INPUT.createXMLStreamReader(reader), type);
    } catch (XMLStreamException e) {
      throw MetadataException.from(e);
    }
  }

  private static <T> T parse(XMLStreamReader stream, Class<T> type) throws MetadataException {
    try {
      root(stream, rootName(type));
      try (JsonParser parser = MAPPER.getFactory().createParser(stream)) {
        return READERS.get(type).readValue(parser);
      }
    } catch (XMLStreamException e) {
      throw MetadataException.from(e);
    } catch (JsonProcessingException e) {
      throw MetadataException.from(e);
    } catch (IOException e) {
      throw new MetadataException(0, 0, "cannot read: " + e.getMessage());
    } finally {
      close(stream);
    }
  }

  /**
   * Moves {@code stream} to the root element and checks it is {@code expected}, in metadata's
   * namespace.
   */
  private static void root(XMLStreamReader stream, String expected)
      throws XMLStreamException, MetadataException {
    while (stream.hasNext()) {
      int event = stream.next();
      if (event == XMLStreamConstants.DTD) {
        Location at = stream.getLocation();
        throw new MetadataException(
            at.getLineNumber(),
            at.getColumnNumber(),
            "a DOCTYPE is not accepted in metadata files (no DTDs, no entities)");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        String found = stream.getLocalName();
        String namespace = stream.getNamespaceURI();
        if (!found.equals(expected) || !NAMESPACE.equals(namespace)) {
          Location at = stream.getLocation();
          throw new MetadataException(
              at.getLineNumber(),
              at.getColumnNumber(),
              "root element is "
                  + found
                  + (NAMESPACE.equals(namespace)
                      ? ""
                      : " in namespace '" + (namespace == null ? "" : namespace) + "'")
                  + ", expected "
                  + expected
                  + " in "
                  + NAMESPACE);
        }
        return;
      }
    }
    throw new MetadataException(0, 0, "root element is missing, expected " + expected);
  }

  private static String rootName(Class<?> type) {
    return type.getAnnotation(JacksonXmlRootElement.class).localName();
  }

  private static void close(XMLStreamReader stream) {
    if (stream != null) {
      try {
        stream.close();
      } catch (XMLStreamException e) {
        // nothing was held open but the reader's own buffers
      }
    }
  }

  /**
   * The grants of a permission set file as the model: only enabled entries, any order, any
   * whitespace around values. For a muting set, a field entry with readable true mutes reading
   * (FieldAccess editable false); with only editable true, editing.
   */
  public static PermissionSet toModel(String name, PermissionSetXml xml) {
    boolean muting = xml instanceof MutingPermissionSetXml;
    List<ObjectAccess> objects = new ArrayList<>();
    for (PermissionSetXml.ObjectPermission permission : xml.objectPermissions) {
      Set<ObjectVerb> verbs = EnumSet.noneOf(ObjectVerb.class);
      add(verbs, permission.allowRead, ObjectVerb.READ);
      add(verbs, permission.allowCreate, ObjectVerb.CREATE);
      add(verbs, permission.allowEdit, ObjectVerb.EDIT);
      add(verbs, permission.allowDelete, ObjectVerb.DELETE);
      add(verbs, permission.viewAllRecords, ObjectVerb.VIEW_ALL);
      add(verbs, permission.modifyAllRecords, ObjectVerb.MODIFY_ALL);
      objects.add(new ObjectAccess(strip(permission.object), verbs));
    }
    List<FieldAccess> fields = new ArrayList<>();
    for (PermissionSetXml.FieldPermission permission : xml.fieldPermissions) {
      boolean readable = Boolean.TRUE.equals(permission.readable);
      boolean editable = Boolean.TRUE.equals(permission.editable);
      if (muting) {
        if (readable || editable) {
          fields.add(new FieldAccess(strip(permission.field), !readable));
        }
      } else if (readable || editable) {
        fields.add(new FieldAccess(strip(permission.field), editable));
      }
    }
    List<String> recordTypes =
        xml.recordTypeVisibilities.stream()
            .filter(r -> Boolean.TRUE.equals(r.visible))
            .map(r -> strip(r.recordType))
            .toList();
    return new PermissionSet(
        name,
        xml.label == null ? name : xml.label.strip(),
        xml.description,
        xml.license == null ? null : xml.license.strip(),
        objects,
        fields,
        recordTypes,
        enabled(xml.classAccesses),
        enabled(xml.pageAccesses),
        enabled(xml.flowAccesses),
        enabled(xml.customPermissions),
        enabled(xml.customMetadataTypeAccesses),
        enabled(xml.customSettingAccesses),
        enabled(xml.externalCredentialPrincipalAccesses),
        // Salesforce ignores case in API names: a hand-edited modifyAllData is ModifyAllData
        enabled(xml.userPermissions).stream()
            .map(p -> UserPermissions.canonical(p).orElse(p))
            .toList());
  }

  /** A group file as the model. */
  public static PermissionSetGroup toModel(String name, PermissionSetGroupXml xml) {
    return new PermissionSetGroup(
        name,
        xml.label == null ? name : xml.label.strip(),
        xml.description,
        xml.permissionSets.stream().map(MetadataXml::strip).toList(),
        xml.mutingPermissionSets.stream().map(MetadataXml::strip).toList());
  }

  private static void add(Set<ObjectVerb> verbs, Boolean flag, ObjectVerb verb) {
    if (Boolean.TRUE.equals(flag)) {
      verbs.add(verb);
    }
  }

  private static List<String> enabled(List<PermissionSetXml.NamedAccess> entries) {
    return entries.stream()
        .filter(e -> Boolean.TRUE.equals(e.enabled))
        .map(PermissionSetXml.NamedAccess::key)
        .filter(Objects::nonNull)
        .toList();
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }
}
