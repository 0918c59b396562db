package dev.apionly.metadata;

import jakarta.xml.bind.JAXBException;
import javax.xml.stream.XMLStreamException;

/** A metadata file that cannot be read, with the line and column where known (0 otherwise). */
public final class MetadataException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public MetadataException(int line, int column, String message) {
    super(message);
    this.line = line;
    this.column = column;
  }

  /**
   * JAXB's exception, with the position the stream reader names for XML that is not well-formed or
   * that it refuses.
   */
  static MetadataException from(JAXBException e) {
    Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
    if (cause instanceof XMLStreamException stream) {
      return from(stream);
    }
    String message =
        cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    return new MetadataException(0, 0, "not a metadata file: " + firstLine(message));
  }

  /** A parse error of the stream reader itself, before any binding. */
  static MetadataException from(XMLStreamException e) {
    String message = "malformed XML: " + firstLine(withoutPosition(e.getMessage()));
    return e.getLocation() == null
        ? new MetadataException(0, 0, message)
        : new MetadataException(
            e.getLocation().getLineNumber(), e.getLocation().getColumnNumber(), message);
  }

  /**
   * The JDK's parser starts its messages with "ParseError at [row,col]:[3,5]" and a line break; the
   * position is reported apart, so only what follows "Message: " is kept.
   */
  private static String withoutPosition(String message) {
    if (message == null) {
      return null;
    }
    int at = message.indexOf("Message: ");
    return at < 0 ? message : message.substring(at + "Message: ".length());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
