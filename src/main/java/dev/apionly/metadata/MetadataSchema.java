package dev.apionly.metadata;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML Schema inside a Metadata API WSDL, with a global element declared for each root apionly
 * writes (the WSDL declares types only), ready to validate files.
 */
public final class MetadataSchema {

  private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

  /** Where the schema derived from the newest WSDL apionly knows is kept, on the class path. */
  static final String BUNDLED = "/salesforce/metadata-v66.xsd";

  /** The API version of the bundled schema. */
  public static final String BUNDLED_VERSION = "66.0";

  private final Schema schema;

  private MetadataSchema(Schema schema) {
    this.schema = schema;
  }

  /**
   * The schema apionly ships: the types of its roots, derived from the Metadata API WSDL by {@link
   * TrimmedSchema}. Loaded once, on first use.
   */
  public static MetadataSchema bundled() {
    return Bundled.SCHEMA;
  }

  /** Holds the bundled schema, so that it is compiled only when first asked for. */
  private static final class Bundled {
    static final MetadataSchema SCHEMA = load();

    private static MetadataSchema load() {
      URL xsd = MetadataSchema.class.getResource(BUNDLED);
      if (xsd == null) {
        throw new IllegalStateException(BUNDLED + " is missing from the class path");
      }
      try {
        SchemaFactory factory = SchemaFactory.newInstance(XSD);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return new MetadataSchema(factory.newSchema(xsd));
      } catch (SAXException e) {
        throw new IllegalStateException(BUNDLED + " does not compile: " + e.getMessage(), e);
      }
    }
  }

  /** The schema of the WSDL at {@code wsdl}. */
  public static MetadataSchema fromWsdl(Path wsdl) throws IOException, MetadataException {
    Document document;
    try {
      document = builder().parse(wsdl.toFile());
    } catch (SAXParseException e) {
      throw new MetadataException(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
    } catch (SAXException e) {
      throw new MetadataException(0, 0, e.getMessage());
    }
    Element source = null;
    NodeList schemas = document.getElementsByTagNameNS(XSD, "schema");
    for (int i = 0; i < schemas.getLength(); i++) {
      Element candidate = (Element) schemas.item(i);
      if (MetadataXml.NAMESPACE.equals(candidate.getAttribute("targetNamespace"))) {
        source = candidate;
      }
    }
    if (source == null) {
      throw new MetadataException(
          0, 0, "no Metadata API schema in this file; is it a Metadata WSDL?");
    }
    Document xsd;
    try {
      xsd = builder().newDocument();
    } catch (SAXException e) {
      throw new MetadataException(0, 0, e.getMessage());
    }
    Element schemaElement = (Element) xsd.importNode(source, true);
    schemaElement.setAttributeNS(
        XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:tns", MetadataXml.NAMESPACE);
    schemaElement.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xsd", XSD);
    xsd.appendChild(schemaElement);
    List<String> declared = new ArrayList<>();
    NodeList children = schemaElement.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element e && "element".equals(e.getLocalName())) {
        declared.add(e.getAttribute("name"));
      }
    }
    List<String> types = new ArrayList<>();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && "complexType".equals(e.getLocalName())) {
        types.add(e.getAttribute("name"));
      }
    }
    for (Map.Entry<String, String> root : TrimmedSchema.ROOTS.entrySet()) {
      // an older org's WSDL may lack a type: its files then fail as undeclared, which says so
      if (!declared.contains(root.getKey()) && types.contains(root.getValue())) {
        Element element = xsd.createElementNS(XSD, "xsd:element");
        element.setAttribute("name", root.getKey());
        element.setAttribute("type", "tns:" + root.getValue());
        schemaElement.appendChild(element);
      }
    }
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XSD);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return new MetadataSchema(factory.newSchema(new DOMSource(xsd)));
    } catch (SAXException e) {
      throw new MetadataException(0, 0, "the WSDL's schema does not compile: " + e.getMessage());
    }
  }

  /** Every schema violation in {@code xml}, each with line and column; empty when valid. */
  public List<MetadataException> validate(String xml) throws IOException {
    return validate(new StreamSource(new StringReader(xml)));
  }

  private List<MetadataException> validate(StreamSource xml) throws IOException {
    List<MetadataException> problems = new ArrayList<>();
    Validator validator = schema.newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
    validator.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            problems.add(
                new MetadataException(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
          }

          @Override
          public void fatalError(SAXParseException e) {
            error(e);
          }
        });
    try {
      validator.validate(xml);
    } catch (SAXException e) {
      if (problems.isEmpty()) {
        problems.add(new MetadataException(0, 0, e.getMessage()));
      }
    }
    return problems;
  }

  /** Validates XML in UTF-8 bytes, as rendered. */
  public List<MetadataException> validate(byte[] xml) throws IOException {
    return validate(new StreamSource(new java.io.ByteArrayInputStream(xml)));
  }

  /** Validates the file at {@code file}. */
  public List<MetadataException> validate(Path file) throws IOException {
    return validate(Files.readString(file));
  }

  private static DocumentBuilder builder() throws SAXException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new SAXException(e);
    }
  }
}
