package dev.apionly.metadata;

import jakarta.xml.bind.UnmarshalException;
import org.xml.sax.SAXParseException;

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

  static MetadataException from(UnmarshalException e) {
    Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
    if (cause instanceof SAXParseException sax) {
      return new MetadataException(
          sax.getLineNumber(), sax.getColumnNumber(), "malformed XML: " + sax.getMessage());
    }
    if (cause instanceof javax.xml.stream.XMLStreamException stream
        && stream.getLocation() != null) {
      return new MetadataException(
          stream.getLocation().getLineNumber(),
          stream.getLocation().getColumnNumber(),
          "malformed XML: " + stream.getMessage());
    }
    String message = e.getMessage() != null ? e.getMessage() : String.valueOf(cause);
    return new MetadataException(0, 0, "not a metadata file: " + message);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
