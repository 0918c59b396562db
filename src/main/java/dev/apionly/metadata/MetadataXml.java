package dev.apionly.metadata;

import dev.apionly.model.FieldAccess;
import dev.apionly.model.ObjectAccess;
import dev.apionly.model.ObjectVerb;
import dev.apionly.model.PermissionSet;
import dev.apionly.model.PermissionSetGroup;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads Salesforce metadata XML safely (no DTDs, no external entities) and maps it to the model.
 */
public final class MetadataXml {

  /** The namespace of every Metadata API file. */
  public static final String NAMESPACE = "http://soap.sforce.com/2006/04/metadata";

  private static volatile JAXBContext context;

  /**
   * XML readers and unmarshallers are not thread-safe and costly to make: one of each per thread.
   * SAX, not StAX: JAXB reads it about twice as fast. No DTDs, so no external entities either.
   */
  private static final ThreadLocal<XMLReader> READER =
      ThreadLocal.withInitial(
          () -> {
            try {
              SAXParserFactory factory = SAXParserFactory.newInstance();
              factory.setNamespaceAware(true);
              factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
              factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
              factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
              return factory.newSAXParser().getXMLReader();
            } catch (ParserConfigurationException | SAXException e) {
              throw new IllegalStateException("no secure XML parser", e);
            }
          });

  private static final ThreadLocal<Unmarshaller> UNMARSHALLER =
      ThreadLocal.withInitial(
          () -> {
            try {
              return context().createUnmarshaller();
            } catch (JAXBException e) {
              throw new IllegalStateException("JAXB model of the Metadata API is broken", e);
            }
          });

  private MetadataXml() {}

  /** Builds the JAXB context now, so a later first parse does not wait for it. */
  public static void prepare() {
    context();
  }

  private static JAXBContext context() {
    JAXBContext local = context;
    if (local == null) {
      synchronized (MetadataXml.class) {
        local = context;
        if (local == null) {
          try {
            local =
                JAXBContext.newInstance(
                    PermissionSetXml.class,
                    MutingPermissionSetXml.class,
                    PermissionSetGroupXml.class,
                    UserAccessPolicyXml.class,
                    ExternalClientApplicationXml.class,
                    EcaOauthSettingsXml.class,
                    EcaGlobalOauthSettingsXml.class,
                    EcaOauthPoliciesXml.class,
                    PackageXml.class);
          } catch (JAXBException e) {
            throw new IllegalStateException("JAXB model of the Metadata API is broken", e);
          }
          context = local;
        }
      }
    }
    return local;
  }

  /** Parses {@code text} as a metadata file whose root must be {@code type}. */
  public static <T> T parse(String text, Class<T> type) throws MetadataException {
    return parse(new StringReader(text), type);
  }

  /** Parses {@code reader} as a metadata file whose root must be {@code type}. */
  public static <T> T parse(Reader reader, Class<T> type) throws MetadataException {
    try {
      Object root =
          UNMARSHALLER.get().unmarshal(new SAXSource(READER.get(), new InputSource(reader)));
      if (root instanceof jakarta.xml.bind.JAXBElement<?> element) {
        root = element.getValue();
      }
      if (!type.isInstance(root) || type != root.getClass()) {
        throw new MetadataException(
            0,
            0,
            "root element is "
                + rootName(root)
                + ", expected "
                + type.getAnnotation(jakarta.xml.bind.annotation.XmlRootElement.class).name());
      }
      return type.cast(root);
    } catch (UnmarshalException e) {
      throw MetadataException.from(e);
    } catch (JAXBException e) {
      throw new MetadataException(0, 0, "not a metadata file: " + e.getMessage());
    }
  }

  private static String rootName(Object root) {
    if (root == null) {
      return "missing";
    }
    jakarta.xml.bind.annotation.XmlRootElement annotation =
        root.getClass().getAnnotation(jakarta.xml.bind.annotation.XmlRootElement.class);
    return annotation == null ? root.getClass().getSimpleName() : annotation.name();
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
        enabled(xml.userPermissions));
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
