package dev.apionly.metadata;

import dev.apionly.model.MetadataType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Derives the XML Schema apionly ships from a Metadata API WSDL: only the types reachable from the
 * roots apionly writes and reads, in the WSDL's order, with a global element for each root (the
 * WSDL declares types only). The result is byte-stable for one WSDL, so the committed schema can be
 * checked against a fresh derivation.
 *
 * <p>Run as {@code java -cp target/apionly.jar dev.apionly.metadata.TrimmedSchema WSDL OUT}.
 */
public final class TrimmedSchema {

  /**
   * Root element → WSDL type, in the order the schema declares them: every registered {@link
   * MetadataType}'s root, then the manifest's.
   */
  public static final Map<String, String> ROOTS = roots();

  /** The header every derived schema carries: where it comes from and the WSDL's licence. */
  private static final String LICENCE = "salesforce-metadata-wsdl-LICENSE.txt";

  private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
  private static final Pattern VERSION =
      Pattern.compile("Metadata API version ([0-9]+\\.[0-9]+)", Pattern.CASE_INSENSITIVE);
  private static final String INDENT = "  ";

  private TrimmedSchema() {}

  private static Map<String, String> roots() {
    Map<String, String> roots = new LinkedHashMap<>();
    for (MetadataType type : MetadataType.values()) {
      roots.put(type.rootElement(), type.schemaType());
    }
    // not MetadataRoot.PACKAGE: that needs the classes generated from this schema
    roots.put("Package", "Package");
    return Collections.unmodifiableMap(roots);
  }

  /** Derives the schema from the WSDL at {@code wsdl} and writes it to {@code out}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: TrimmedSchema METADATA_WSDL OUT_XSD");
      System.exit(2);
    }
    Path wsdl = Path.of(args[0]);
    try {
      String schema = derive(wsdl);
      Path out = Path.of(args[1]);
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.writeString(out, schema, StandardCharsets.UTF_8);
      System.out.println("wrote " + out + " from " + wsdl);
    } catch (MetadataException e) {
      System.err.println(wsdl + ":" + e.line() + ":" + e.column() + ": error: " + e.getMessage());
      System.exit(2);
    }
  }

  /** The trimmed schema of the WSDL at {@code wsdl}, as the text to commit. */
  public static String derive(Path wsdl) throws IOException, MetadataException {
    Node schema;
    String version;
    try (InputStream in = Files.newInputStream(wsdl)) {
      Parsed parsed = parse(in);
      schema = parsed.schema();
      version = parsed.version();
    }
    if (schema == null) {
      throw new MetadataException(
          0, 0, "no Metadata API schema in this file; is it a Metadata WSDL?");
    }
    if (version == null) {
      throw new MetadataException(
          0,
          0,
          "no \"Metadata API version N.N\" in the WSDL's opening comment; is it a Metadata WSDL?");
    }
    Map<String, Node> types = new LinkedHashMap<>();
    for (Node child : schema.children) {
      if (child.name.equals("complexType") || child.name.equals("simpleType")) {
        types.put(child.attribute("name"), child);
      }
    }
    Set<String> reachable = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(new LinkedHashSet<>(ROOTS.values()));
    while (!todo.isEmpty()) {
      String type = todo.pop();
      Node node = types.get(type);
      if (node == null) {
        throw new MetadataException(0, 0, "the WSDL has no type " + type + ", which apionly needs");
      }
      if (reachable.add(type)) {
        node.references(todo);
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<!--\n");
    out.append(
        "Derived by apionly (dev.apionly.metadata.TrimmedSchema) from Salesforce's Metadata API\n");
    out.append("WSDL, version ")
        .append(version)
        .append(", as published in the forcedotcom/wsdl repository\n");
    out.append(
        "(resources/metadata.wsdl) and by every org at Setup > API > Generate Metadata WSDL.\n");
    out.append("It keeps the ")
        .append(reachable.size())
        .append(" types reachable from the roots apionly");
    out.append(" writes and reads, unchanged and in\n");
    out.append(
        "the WSDL's order, and declares a global element for each root. Do not edit: regenerate it.\n");
    out.append("\n");
    out.append("The WSDL is distributed under the following licence:\n\n");
    out.append(licence().strip().replace("--", "- -")).append("\n");
    out.append("-->\n");
    out.append("<xsd:schema xmlns:xsd=\"").append(XSD).append("\" xmlns:tns=\"");
    out.append(MetadataXml.NAMESPACE).append("\"");
    for (Map.Entry<String, String> attribute : schema.attributes.entrySet()) {
      out.append(' ').append(attribute.getKey()).append("=\"");
      out.append(escape(attribute.getValue())).append('"');
    }
    out.append(">\n");
    for (Node child : schema.children) {
      if (types.get(child.attribute("name")) == child
          && reachable.contains(child.attribute("name"))) {
        child.write(out, 1);
      }
    }
    for (Map.Entry<String, String> root : ROOTS.entrySet()) {
      out.append(INDENT).append("<xsd:element name=\"").append(root.getKey());
      out.append("\" type=\"tns:").append(root.getValue()).append("\"/>\n");
    }
    out.append("</xsd:schema>\n");
    return out.toString();
  }

  /** The WSDL's licence notice, shipped beside this class. */
  private static String licence() {
    try (InputStream in = TrimmedSchema.class.getResourceAsStream(LICENCE)) {
      return new String(Objects.requireNonNull(in, LICENCE).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Parsed(Node schema, String version) {}

  private static Parsed parse(InputStream in) throws MetadataException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(in);
      String version = null;
      Node schema = null;
      Deque<Node> open = new ArrayDeque<>();
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.COMMENT && version == null) {
          Matcher matcher = VERSION.matcher(reader.getText());
          if (matcher.find()) {
            version = matcher.group(1);
          }
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          boolean inSchema = !open.isEmpty();
          boolean startsSchema =
              !inSchema
                  && XSD.equals(reader.getNamespaceURI())
                  && "schema".equals(reader.getLocalName())
                  && MetadataXml.NAMESPACE.equals(
                      reader.getAttributeValue(null, "targetNamespace"));
          if (inSchema || startsSchema) {
            if (inSchema && !XSD.equals(reader.getNamespaceURI())) {
              throw new MetadataException(
                  reader.getLocation().getLineNumber(),
                  reader.getLocation().getColumnNumber(),
                  "an element outside XML Schema inside the schema: " + reader.getLocalName());
            }
            Node node = new Node(reader.getLocalName());
            for (int i = 0; i < reader.getAttributeCount(); i++) {
              node.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
            if (inSchema) {
              open.peek().children.add(node);
            }
            open.push(node);
          }
        } else if (event == XMLStreamConstants.CHARACTERS && !open.isEmpty()) {
          open.peek().text.append(reader.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT && !open.isEmpty()) {
          Node closed = open.pop();
          if (open.isEmpty() && schema == null) {
            schema = closed;
          }
        }
      }
      return new Parsed(schema, version);
    } catch (XMLStreamException e) {
      javax.xml.stream.Location at = e.getLocation();
      throw new MetadataException(
          at == null ? 0 : at.getLineNumber(),
          at == null ? 0 : at.getColumnNumber(),
          e.getMessage());
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException e) {
          // the stream is closed by its owner
        }
      }
    }
  }

  /** One XML Schema element: its attributes in document order, its children, its text. */
  private static final class Node {
    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<Node> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    Node(String name) {
      this.name = name;
    }

    String attribute(String key) {
      return attributes.getOrDefault(key, "");
    }

    /** Adds the metadata-namespace types this element and its descendants name. */
    void references(Deque<String> todo) {
      for (String key : List.of("type", "base")) {
        String value = attributes.get(key);
        if (value != null && value.startsWith("tns:")) {
          todo.add(value.substring("tns:".length()));
        }
      }
      children.forEach(child -> child.references(todo));
    }

    void write(StringBuilder out, int depth) {
      out.append(INDENT.repeat(depth)).append("<xsd:").append(name);
      attributes.forEach(
          (key, value) ->
              out.append(' ').append(key).append("=\"").append(escape(value)).append('"'));
      String content = text.toString().strip();
      if (children.isEmpty() && content.isEmpty()) {
        out.append("/>\n");
      } else if (children.isEmpty()) {
        out.append('>').append(escape(content)).append("</xsd:").append(name).append(">\n");
      } else {
        out.append(">\n");
        children.forEach(child -> child.write(out, depth + 1));
        out.append(INDENT.repeat(depth)).append("</xsd:").append(name).append(">\n");
      }
    }
  }

  private static String escape(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
