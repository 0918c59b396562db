package dev.apionly.usage;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One CSV file read a row at a time: its header, then only the columns asked for. Nothing but the
 * current row is held, so a log of any size reads in the same memory.
 */
final class LogTable implements AutoCloseable {

  private static final CsvFactory FACTORY =
      // without a schema, each row reads as an array of strings
      CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

  private final Path file;
  private final CsvParser parser;
  private final List<String> header;
  private final Map<String, Integer> index = new HashMap<>();
  private int[] slots = new int[0];
  private String[] values = new String[0];
  private int line;

  private LogTable(Path file, CsvParser parser, List<String> header) {
    this.file = file;
    this.parser = parser;
    this.header = header;
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i), i);
    }
  }

  /** Opens {@code file} and reads its header row; an empty file or a bad header is bad input. */
  static LogTable open(Path file) {
    CsvParser parser = null;
    try {
      InputStream in = Files.newInputStream(file);
      parser = (CsvParser) FACTORY.createParser(in);
      List<String> header = new ArrayList<>();
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw bad(Location.of(file), "the file is empty; accepted: a CSV file with a header row");
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
        header.add(parser.getText().strip());
      }
      if (token != JsonToken.END_ARRAY) {
        throw bad(new Location(file, 1, 1), "the header row cannot be read");
      }
      LogTable table = new LogTable(file, parser, header);
      parser = null;
      return table;
    } catch (StreamReadException e) {
      throw unreadable(file, e);
    } catch (IOException e) {
      throw bad(Location.of(file), "cannot read the file: " + e.getMessage());
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException e) {
          // already failing
        }
      }
    }
  }

  Path file() {
    return file;
  }

  List<String> header() {
    return header;
  }

  boolean has(String column) {
    return index.containsKey(column);
  }

  /**
   * Reads {@code columns} from every later row, in this order, as {@link #value(int)} 0, 1, …; a
   * column the header lacks reads as the empty string.
   */
  void select(List<String> columns) {
    slots = new int[header.size()];
    Arrays.fill(slots, -1);
    for (int i = 0; i < columns.size(); i++) {
      Integer at = index.get(columns.get(i));
      if (at != null) {
        slots[at] = i;
      }
    }
    values = new String[columns.size()];
  }

  /**
   * Reads the next row; false at the end of the file. A row with another number of values than the
   * header, or a file that ends inside a quoted value, is a truncated file: bad input.
   */
  boolean next() {
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return false;
      }
      line = 0;
      Arrays.fill(values, "");
      int column = 0;
      while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
        if (column == 0) {
          // the row's start token is placed at the end of the row before; its first value is not
          line = parser.currentTokenLocation().getLineNr();
        }
        if (column < slots.length && slots[column] >= 0) {
          values[slots[column]] = parser.getText();
        }
        column++;
      }
      if (column != header.size()) {
        throw bad(
            new Location(file, line, 1),
            "this row has "
                + column
                + (column == 1 ? " value" : " values")
                + " but the header has "
                + header.size()
                + "; a truncated or damaged file? accepted: a log file as Salesforce serves it"
                + " (EventLogFile.LogFile), whole");
      }
      return true;
    } catch (StreamReadException e) {
      throw unreadable(file, e);
    } catch (IOException e) {
      throw bad(Location.of(file), "cannot read the file: " + e.getMessage());
    }
  }

  /** The value of the {@code i}th selected column in the current row. */
  String value(int i) {
    return values[i];
  }

  /** The line the current row starts on. */
  int line() {
    return line;
  }

  /**
   * Where {@code column}'s value starts in the row on {@code line}: read again from the file, as
   * only an error needs it.
   */
  Location locate(int line, String column) {
    Integer at = index.get(column);
    if (at == null) {
      return new Location(file, line, 1);
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text = null;
      for (int i = 0; i < line; i++) {
        text = reader.readLine();
      }
      return new Location(file, line, text == null ? 1 : startOf(text, at) + 1);
    } catch (IOException | RuntimeException e) {
      return new Location(file, line, 1);
    }
  }

  /** The 0-based character offset where field {@code field} of a CSV line starts. */
  static int startOf(String text, int field) {
    int current = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      if (current == field) {
        return i;
      }
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        current++;
      }
    }
    return current == field ? text.length() : 0;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // reading is over; nothing to lose
    }
  }

  private static ApionlyException unreadable(Path file, StreamReadException e) {
    int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
    int column = e.getLocation() == null ? 0 : Math.max(e.getLocation().getColumnNr(), 0);
    String reason = e.getOriginalMessage();
    // Jackson names an unclosed quote, which only the end of the file can leave open
    boolean eof =
        reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("closing quote");
    return bad(
        new Location(file, line, line == 0 ? 0 : Math.max(column, 1)),
        eof
            ? "the file ends inside a quoted value: a truncated file? accepted: a log file as"
                + " Salesforce serves it, whole"
            : "not valid CSV here; accepted: comma-separated values, each value quoted as"
                + " Salesforce writes them");
  }

  static ApionlyException bad(Location location, String message) {
    return ApionlyException.of(ExitCode.BAD_INPUT, location, message);
  }
}
