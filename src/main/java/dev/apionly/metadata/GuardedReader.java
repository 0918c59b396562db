package dev.apionly.metadata;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The XML reader JAXB reads metadata files through: the JDK's SAX parser (JAXB reads SAX faster
 * than StAX), which here refuses a DOCTYPE (so every entity), a root other than the one expected or
 * outside the metadata namespace, and elements nested deeper than {@link MetadataXml#MAX_DEPTH},
 * each at its line and column, before JAXB sees them.
 */
final class GuardedReader extends XMLFilterImpl implements LexicalHandler {

  private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";

  private static final SAXParserFactory FACTORY = factory();

  /** Parsers are not thread-safe and costly to make, but may be reused: one per thread. */
  private static final ThreadLocal<XMLReader> PARSER =
      ThreadLocal.withInitial(
          () -> {
            try {
              return FACTORY.newSAXParser().getXMLReader();
            } catch (ParserConfigurationException | SAXException e) {
              throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
            }
          });

  private final String root;
  private Locator locator;
  private int depth;

  /** A reader of one file whose root must be {@code root}, in the metadata namespace. */
  GuardedReader(String root) {
    super(PARSER.get());
    this.root = root;
  }

  private static SAXParserFactory factory() {
    try {
      SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      // a DOCTYPE is refused in startDTD, before its subset is read; should that ever change,
      // nothing outside the file is fetched either
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return factory;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
    }
  }

  @Override
  public void parse(InputSource input) throws java.io.IOException, SAXException {
    getParent().setProperty(LEXICAL_HANDLER, this);
    super.parse(input);
  }

  @Override
  public void setDocumentLocator(Locator locator) {
    this.locator = locator;
    super.setDocumentLocator(locator);
  }

  @Override
  public void startDTD(String name, String publicId, String systemId) throws SAXException {
    throw refusal("a DOCTYPE is not accepted in metadata files (no DTDs, no entities)");
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts)
      throws SAXException {
    if (++depth > MetadataXml.MAX_DEPTH) {
      throw refusal("elements nested deeper than " + MetadataXml.MAX_DEPTH + " levels");
    }
    if (depth == 1 && (!localName.equals(root) || !MetadataXml.NAMESPACE.equals(uri))) {
      throw refusal(
          "root element is "
              + localName
              + (MetadataXml.NAMESPACE.equals(uri) ? "" : " in namespace '" + uri + "'")
              + ", expected "
              + root
              + " in "
              + MetadataXml.NAMESPACE);
    }
    super.startElement(uri, localName, qName, atts);
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    depth--;
    super.endElement(uri, localName, qName);
  }

  private Refusal refusal(String message) {
    return new Refusal(message, locator);
  }

  /** A file refused by this reader: its message is the whole story. */
  static final class Refusal extends SAXParseException {
    private static final long serialVersionUID = 1L;

    Refusal(String message, Locator locator) {
      super(message, locator);
    }
  }

  @Override
  public void endDTD() {}

  @Override
  public void startEntity(String name) {}

  @Override
  public void endEntity(String name) {}

  @Override
  public void startCDATA() {}

  @Override
  public void endCDATA() {}

  @Override
  public void comment(char[] ch, int start, int length) {}
}
