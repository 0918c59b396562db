package dev.apionly.metadata;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An element of a metadata file that the model does not hold (tab settings, application
 * visibilities, an element the schema does not declare…), kept by name with the text of each child,
 * so nothing read is dropped silently.
 */
public record UnknownElement(String name, List<String> parts) {

  public UnknownElement {
    parts = List.copyOf(parts);
  }

  /**
   * The element whose start tag {@code stream} is at, up to its end tag: each child element as
   * {@code child=text} (all the text within it, each piece stripped), and any text beside them.
   */
  static UnknownElement read(XMLStreamReader stream) throws XMLStreamException {
    String name = stream.getLocalName();
    List<String> parts = new ArrayList<>();
    StringBuilder beside = new StringBuilder();
    String child = null;
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (int depth = 1; depth > 0; ) {
      switch (stream.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (depth == 2) {
            child = stream.getLocalName();
            pieces.clear();
          } else {
            flush(piece, pieces);
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          depth--;
          if (depth >= 1) {
            flush(piece, pieces);
          }
          if (depth == 1) {
            parts.add(child + "=" + String.join(" ", pieces));
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          (depth == 1 ? beside : piece).append(stream.getText());
        }
        default -> {
          // comments and processing instructions hold nothing a grant could depend on
        }
      }
    }
    String text = beside.toString().strip();
    if (!text.isEmpty()) {
      parts.add(text);
    }
    return new UnknownElement(name, parts);
  }

  private static void flush(StringBuilder piece, List<String> pieces) {
    String text = piece.toString().strip();
    if (!text.isEmpty()) {
      pieces.add(text);
    }
    piece.setLength(0);
  }

  /** {@code name: child=value, ...}, or the name alone when it holds nothing. */
  public String display() {
    return parts.isEmpty() ? name : name + ": " + String.join(", ", parts);
  }
}
