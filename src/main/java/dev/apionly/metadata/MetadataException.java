package dev.apionly.metadata;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
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

  /** The reader's own exception, with the position it names (XML syntax errors always name one). */
  static MetadataException from(JsonProcessingException e) {
    if (e.getCause() instanceof XMLStreamException stream && stream.getLocation() != null) {
      return from(stream);
    }
    JsonLocation at = e.getLocation();
    String message = "not a metadata file: " + firstLine(e.getOriginalMessage());
    return at == null || at.getLineNr() < 1
        ? new MetadataException(0, 0, message)
        : new MetadataException(at.getLineNr(), Math.max(at.getColumnNr(), 1), message);
  }

  /** A parse error of the stream reader itself, before any binding. */
  static MetadataException from(XMLStreamException e) {
    return e.getLocation() == null
        ? new MetadataException(0, 0, "malformed XML: " + firstLine(e.getMessage()))
        : new MetadataException(
            e.getLocation().getLineNumber(),
            e.getLocation().getColumnNumber(),
            "malformed XML: " + firstLine(e.getMessage()));
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
