package dev.apionly.metadata;

import com.ctc.wstx.stax.WstxInputFactory;
import dev.apionly.metadata.xml.ObjectFactory;
import dev.apionly.metadata.xml.PermissionSetFieldPermissionsXml;
import dev.apionly.metadata.xml.PermissionSetGroupXml;
import dev.apionly.metadata.xml.PermissionSetObjectPermissionsXml;
import dev.apionly.metadata.xml.PermissionSetXml;
import dev.apionly.model.FieldAccess;
import dev.apionly.model.ObjectAccess;
import dev.apionly.model.ObjectVerb;
import dev.apionly.model.PermissionSet;
import dev.apionly.model.PermissionSetGroup;
import dev.apionly.model.UserPermissions;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventHandler;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.glassfish.jaxb.runtime.v2.runtime.Coordinator;

/**
 * Reads Salesforce metadata XML safely (no DTDs, no external entities, bounded depth) with JAXB
 * into the classes xjc generates from the bundled schema, and maps them to the model.
 */
public final class MetadataXml {

  /** The namespace of every Metadata API file. */
  public static final String NAMESPACE = "http://soap.sforce.com/2006/04/metadata";

  /**
   * The deepest nesting of elements accepted. Metadata files nest three or four deep; a file nested
   * far deeper is an attack or an accident, refused before it costs anything.
   */
  public static final int MAX_DEPTH = 100;

  /** The largest metadata file apionly reads: real permission sets are a few hundred kB. */
  public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  /**
   * The one JAXB context, of the root types only. Building it takes a while: {@link #startLoading}
   * builds it on a thread of its own at start, and whoever needs it first either builds it or waits
   * for the build under way.
   */
  private static final FutureTask<JAXBContext> CONTEXT = new FutureTask<>(MetadataXml::newContext);

  /** Unmarshallers are not thread-safe but cheap to reuse: one per thread. */
  private static final ThreadLocal<Unmarshaller> UNMARSHALLER =
      ThreadLocal.withInitial(MetadataXml::newUnmarshaller);

  /** Each thread's unmarshaller's event handler. */
  private static final ThreadLocal<ValueCheck> CHECK = ThreadLocal.withInitial(ValueCheck::new);

  /** A small permission set: reading it loads every part of the reader a rendered file needs. */
  private static final String SAMPLE =
      "<PermissionSet xmlns=\""
          + NAMESPACE
          + "\"><description>d</description>"
          + "<fieldPermissions><editable>true</editable><field>A.B</field>"
          + "<readable>true</readable></fieldPermissions><label>l</label>"
          + "<objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete>"
          + "<allowEdit>false</allowEdit><allowRead>true</allowRead>"
          + "<modifyAllRecords>false</modifyAllRecords><object>A</object>"
          + "<viewAllRecords>false</viewAllRecords></objectPermissions>"
          + "<userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>"
          + "</PermissionSet>";

  private MetadataXml() {}

  /**
   * Starts building the JAXB context on a daemon thread of its own, so that it is ready (or nearly)
   * when the first file is read. Later calls do nothing.
   */
  public static void startLoading() {
    Thread thread = new Thread(CONTEXT, "metadata-xml");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Makes the reader ready on this thread: the context built (or waited for), and a sample read so
   * that the first rendered file does not wait for the classes that read it.
   */
  public static void prepare() {
    try {
      toModel("Sample", parse(SAMPLE, MetadataRoot.PERMISSION_SET));
    } catch (MetadataException e) {
      throw new IllegalStateException("the metadata reader cannot read its own sample", e);
    }
  }

  private static JAXBContext context() {
    CONTEXT.run(); // builds it here unless it is built or being built
    try {
      return CONTEXT.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the metadata reader loaded", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the JAXB model of the Metadata API is broken", e.getCause());
    }
  }

  private static JAXBContext newContext() throws JAXBException {
    // the factory declares every root's class: a registered type needs no list here
    return JAXBContext.newInstance(ObjectFactory.class);
  }

  private static Unmarshaller newUnmarshaller() {
    new Resident().register();
    try {
      Unmarshaller unmarshaller = context().createUnmarshaller();
      unmarshaller.setEventHandler(CHECK.get());
      return unmarshaller;
    } catch (JAXBException e) {
      throw new IllegalStateException("the JAXB model of the Metadata API is broken", e);
    }
  }

  /**
   * Stops at a value that is not of its type (a boolean "yes", a number "ten"), as a deploy would,
   * and keeps where it is: JAXB's own exception then no longer names it. An element the schema does
   * not declare is skipped.
   */
  private static final class ValueCheck implements ValidationEventHandler {
    private ValidationEvent failed;

    @Override
    public boolean handleEvent(ValidationEvent event) {
      if (event.getLinkedException() == null) {
        return true;
      }
      failed = event;
      return false;
    }

    /** The value that stopped the last read, as an error at its position, if one did. */
    MetadataException failure() {
      if (failed == null) {
        return null;
      }
      Throwable reason = failed.getLinkedException();
      while (reason.getCause() != null) {
        reason = reason.getCause();
      }
      ValidationEventLocator at = failed.getLocator();
      return new MetadataException(
          at == null ? 0 : Math.max(at.getLineNumber(), 0),
          at == null ? 0 : Math.max(at.getColumnNumber(), 0),
          "not a metadata file: " + reason.getMessage());
    }
  }

  /**
   * An idle JAXB coordinator, registered for good on each thread that reads. JAXB's runtime
   * registers its unmarshalling context in a thread-local around every XML event and, when no other
   * was registered before, removes the entry again after each: an insert and a removal per event,
   * about a fifth of a parse-back. With one registered beneath it, each becomes a replacement.
   * (Built on the runtime's own class: a change there fails the build, not a run.)
   */
  private static final class Resident extends Coordinator {
    void register() {
      pushCoordinator();
    }

    @Override
    protected ValidationEventLocator getLocation() {
      return null;
    }

    @Override
    public boolean handleEvent(ValidationEvent event) {
      return false;
    }
  }

  /**
   * What reading a file needs beyond the context, made when the first file is read rather than when
   * {@link #startLoading} is called at start: a run that reads no metadata never pays for it.
   */
  private static final class Reading {
    /**
     * The stream reader: Woodstox, named rather than looked up, with DTDs and so every entity off.
     * JAXB reads from it about a third faster than from the JDK's own parsers, SAX or StAX.
     * Thread-safe once configured; a reader is made per file.
     */
    static final XMLInputFactory INPUT = inputFactory();

    /** The children of each root that {@link #toModel} reads. */
    static final Map<MetadataRoot<?>, Set<String>> READ =
        Map.of(
            MetadataRoot.PERMISSION_SET,
            Set.of(
                "classAccesses",
                "customMetadataTypeAccesses",
                "customPermissions",
                "customSettingAccesses",
                "description",
                "externalCredentialPrincipalAccesses",
                "fieldPermissions",
                "flowAccesses",
                "label",
                "license",
                "objectPermissions",
                "pageAccesses",
                "recordTypeVisibilities",
                "userPermissions"),
            MetadataRoot.PERMISSION_SET_GROUP,
            Set.of("description", "label", "mutingPermissionSets", "permissionSets"));

    private Reading() {}
  }

  private static XMLInputFactory inputFactory() {
    XMLInputFactory factory = new WstxInputFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return factory;
  }

  /** Parses {@code text} as a metadata file whose root must be {@code root}. */
  public static <T> T parse(String text, MetadataRoot<T> root) throws MetadataException {
    return parse(new StringReader(text), root);
  }

  /**
   * Parses {@code bytes} (UTF-8, or as its XML declaration says) as a metadata file whose root must
   * be {@code root}.
   */
  public static <T> T parse(byte[] bytes, MetadataRoot<T> root) throws MetadataException {
    try {
      return parse(Reading.INPUT.createXMLStreamReader(new ByteArrayInputStream(bytes)), root);
    } catch (XMLStreamException e) {
      throw MetadataException.from(e);
    }
  }

  /** Parses {@code reader} as a metadata file whose root must be {@code root}. */
  public static <T> T parse(Reader reader, MetadataRoot<T> root) throws MetadataException {
    try {
      return parse(Reading.INPUT.createXMLStreamReader(reader), root);
    } catch (XMLStreamException e) {
      throw MetadataException.from(e);
    }
  }

  private static <T> T parse(XMLStreamReader source, MetadataRoot<T> root)
      throws MetadataException {
    XMLStreamReader stream = new DepthLimit(source);
    ValueCheck check = CHECK.get();
    check.failed = null;
    try {
      root(stream, root.element());
      T value = UNMARSHALLER.get().unmarshal(stream, root.type()).getValue();
      while (stream.hasNext()) {
        stream.next(); // what follows the root must be well-formed too
      }
      return value;
    } catch (XMLStreamException e) {
      throw MetadataException.from(e);
    } catch (JAXBException e) {
      MetadataException failure = check.failure();
      throw failure != null ? failure : MetadataException.from(e);
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
                      : namespace == null || namespace.isEmpty()
                          ? " in no namespace"
                          : " in another namespace (not shown: it is the file's own text)")
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

  private static void close(XMLStreamReader stream) {
    try {
      stream.close();
    } catch (XMLStreamException e) {
      // nothing was held open but the reader's own buffers
    }
  }

  /** A stream that refuses elements nested deeper than {@link #MAX_DEPTH}. */
  private static final class DepthLimit extends StreamReaderDelegate {
    private int depth;

    DepthLimit(XMLStreamReader reader) {
      super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
      return counted(super.next());
    }

    @Override
    public int nextTag() throws XMLStreamException {
      return counted(super.nextTag());
    }

    private int counted(int event) throws XMLStreamException {
      if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
        throw new XMLStreamException(
            "elements nested deeper than " + MAX_DEPTH + " levels", getLocation());
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      return event;
    }
  }

  /** The permission set file {@code bytes} of the set {@code name} as the model. */
  public static PermissionSet permissionSet(String name, byte[] bytes) throws MetadataException {
    return toModel(name, parse(bytes, MetadataRoot.PERMISSION_SET));
  }

  /** The muting permission set file {@code bytes} as the model of what it switches off. */
  public static PermissionSet mutingPermissionSet(String name, byte[] bytes)
      throws MetadataException {
    return toMutingModel(name, parse(bytes, MetadataRoot.MUTING_PERMISSION_SET));
  }

  /** The group file {@code bytes} of the group {@code name} as the model. */
  public static PermissionSetGroup permissionSetGroup(String name, byte[] bytes)
      throws MetadataException {
    return toModel(name, parse(bytes, MetadataRoot.PERMISSION_SET_GROUP));
  }

  /**
   * The grants of a permission set file as the model: only enabled entries, any order, any
   * whitespace around values.
   */
  public static PermissionSet toModel(String name, PermissionSetXml xml) {
    return toModel(name, xml, false);
  }

  /**
   * The grants a muting permission set file switches off, as the model: a field entry with readable
   * true mutes reading (FieldAccess editable false); with only editable true, editing.
   */
  public static PermissionSet toMutingModel(String name, PermissionSetXml xml) {
    return toModel(name, xml, true);
  }

  private static PermissionSet toModel(String name, PermissionSetXml xml, boolean muting) {
    List<ObjectAccess> objects = new ArrayList<>();
    for (PermissionSetObjectPermissionsXml permission : xml.getObjectPermissions()) {
      Set<ObjectVerb> verbs = EnumSet.noneOf(ObjectVerb.class);
      add(verbs, permission.isAllowRead(), ObjectVerb.READ);
      add(verbs, permission.isAllowCreate(), ObjectVerb.CREATE);
      add(verbs, permission.isAllowEdit(), ObjectVerb.EDIT);
      add(verbs, permission.isAllowDelete(), ObjectVerb.DELETE);
      add(verbs, permission.isViewAllRecords(), ObjectVerb.VIEW_ALL);
      add(verbs, permission.isModifyAllRecords(), ObjectVerb.MODIFY_ALL);
      objects.add(new ObjectAccess(strip(permission.getObject()), verbs));
    }
    List<FieldAccess> fields = new ArrayList<>();
    for (PermissionSetFieldPermissionsXml permission : xml.getFieldPermissions()) {
      boolean readable = Boolean.TRUE.equals(permission.isReadable());
      boolean editable = Boolean.TRUE.equals(permission.isEditable());
      if (readable || editable) {
        fields.add(new FieldAccess(strip(permission.getField()), muting ? !readable : editable));
      }
    }
    List<String> recordTypes =
        xml.getRecordTypeVisibilities().stream()
            .filter(r -> Boolean.TRUE.equals(r.isVisible()))
            .map(r -> strip(r.getRecordType()))
            .toList();
    return new PermissionSet(
        name,
        xml.getLabel() == null ? name : xml.getLabel().strip(),
        xml.getDescription(),
        xml.getLicense() == null ? null : xml.getLicense().strip(),
        objects,
        fields,
        recordTypes,
        enabled(xml.getClassAccesses(), e -> e.isEnabled(), e -> e.getApexClass()),
        enabled(xml.getPageAccesses(), e -> e.isEnabled(), e -> e.getApexPage()),
        enabled(xml.getFlowAccesses(), e -> e.isEnabled(), e -> e.getFlow()),
        enabled(xml.getCustomPermissions(), e -> e.isEnabled(), e -> e.getName()),
        enabled(xml.getCustomMetadataTypeAccesses(), e -> e.isEnabled(), e -> e.getName()),
        enabled(xml.getCustomSettingAccesses(), e -> e.isEnabled(), e -> e.getName()),
        enabled(
            xml.getExternalCredentialPrincipalAccesses(),
            e -> e.isEnabled(),
            e -> e.getExternalCredentialPrincipal()),
        // Salesforce ignores case in API names: a hand-edited modifyAllData is ModifyAllData
        enabled(xml.getUserPermissions(), e -> e.isEnabled(), e -> e.getName()).stream()
            .map(p -> UserPermissions.canonical(p).orElse(p))
            .toList());
  }

  /** A group file as the model. */
  public static PermissionSetGroup toModel(String name, PermissionSetGroupXml xml) {
    return new PermissionSetGroup(
        name,
        xml.getLabel() == null ? name : xml.getLabel().strip(),
        xml.getDescription(),
        xml.getPermissionSets().stream().map(MetadataXml::strip).toList(),
        xml.getMutingPermissionSets().stream().map(MetadataXml::strip).toList());
  }

  /**
   * The elements of a permission set or group file that {@link #toModel} leaves out (tab settings,
   * app visibilities, elements the schema does not declare…), in the order written. Read from the
   * text a second time: an import reads a few files, and the classes need no field for what they do
   * not know.
   */
  public static List<UnknownElement> unread(String text, MetadataRoot<?> root)
      throws MetadataException {
    Set<String> read = Reading.READ.get(root);
    if (read == null) {
      throw new IllegalArgumentException("no model of " + root + " files");
    }
    XMLStreamReader stream = null;
    try {
      stream = new DepthLimit(Reading.INPUT.createXMLStreamReader(new StringReader(text)));
      root(stream, root.element());
      List<UnknownElement> out = new ArrayList<>();
      while (stream.nextTag() == XMLStreamConstants.START_ELEMENT) {
        if (read.contains(stream.getLocalName())) {
          skip(stream);
        } else {
          out.add(UnknownElement.read(stream));
        }
      }
      return out;
    } catch (XMLStreamException e) {
      throw MetadataException.from(e);
    } finally {
      if (stream != null) {
        close(stream);
      }
    }
  }

  /** Moves {@code stream} from a start tag to its end tag. */
  private static void skip(XMLStreamReader stream) throws XMLStreamException {
    for (int depth = 1; depth > 0; ) {
      int event = stream.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static void add(Set<ObjectVerb> verbs, Boolean flag, ObjectVerb verb) {
    if (Boolean.TRUE.equals(flag)) {
      verbs.add(verb);
    }
  }

  /** The names of the entries of one list that are enabled. */
  private static <E> List<String> enabled(
      List<E> entries, Function<E, Boolean> enabled, Function<E, String> name) {
    return entries.stream()
        .filter(e -> Boolean.TRUE.equals(enabled.apply(e)))
        .map(name)
        .filter(Objects::nonNull)
        .map(String::strip)
        .toList();
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }
}
