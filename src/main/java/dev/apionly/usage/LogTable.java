package dev.apionly.usage;

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
 * One CSV file (RFC 4180: quoted values may hold commas, doubled quotes and line breaks) read a row
 * at a time: its header, then only the columns asked for. Nothing but the current row is held, so a
 * log of any size reads in the same memory. The bytes are scanned here rather than by a CSV
 * library: Jackson's CSV module made a string of every value of every row, which took twice the
 * time the scale target allows; here a value the run does not need is skipped unread.
 */
final class LogTable implements AutoCloseable {

  private static final int BUFFER = 1 << 20;

  private final Path file;
  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private int limit;
  private boolean ended;
  private byte[] field = new byte[256];
  private int fieldLength;

  /** The line being read, 1-based: every line break read, inside quotes too, moves it on. */
  private int currentLine = 1;

  private List<String> header = List.of();
  private final Map<String, Integer> index = new HashMap<>();
  private int[] slots = new int[0];
  private String[] values = new String[0];
  private int[] starts = new int[0];
  private int[] lengths = new int[0];
  private byte[] row = new byte[1024];
  private int rowLength;
  private int line;

  private LogTable(Path file, InputStream in) {
    this.file = file;
    this.in = in;
  }

  /** Opens {@code file} and reads its header row; an empty file or a bad header is bad input. */
  static LogTable open(Path file) {
    LogTable table;
    try {
      table = new LogTable(file, Files.newInputStream(file));
    } catch (IOException e) {
      throw bad(Location.of(file), "cannot read the file: " + e.getMessage());
    }
    try {
      table.readHeader();
      return table;
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
  }

  private void readHeader() {
    skipByteOrderMark();
    List<String> names = new ArrayList<>();
    if (!skipBlankLines()) {
      throw bad(Location.of(file), "the file is empty; accepted: a CSV file with a header row");
    }
    boolean more = true;
    while (more) {
      more = readField(true);
      names.add(new String(field, 0, fieldLength, StandardCharsets.UTF_8).strip());
    }
    header = List.copyOf(names);
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i), i);
    }
  }

  private void skipByteOrderMark() {
    if (fill(3) >= 3
        && buffer[position] == (byte) 0xEF
        && buffer[position + 1] == (byte) 0xBB
        && buffer[position + 2] == (byte) 0xBF) {
      position += 3;
    }
  }

  /** Moves past empty lines; false at the end of the file. */
  private boolean skipBlankLines() {
    while (true) {
      if (position >= limit && fill(1) == 0) {
        return false;
      }
      byte b = buffer[position];
      if (b == '\n') {
        position++;
        currentLine++;
      } else if (b == '\r') {
        position++;
      } else {
        return true;
      }
    }
  }

  /** Makes at least {@code wanted} bytes available unless the file ends first; how many are. */
  private int fill(int wanted) {
    if (limit - position >= wanted || ended) {
      return limit - position;
    }
    System.arraycopy(buffer, position, buffer, 0, limit - position);
    limit -= position;
    position = 0;
    try {
      while (limit < wanted || limit < buffer.length / 2) {
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
          ended = true;
          break;
        }
        limit += read;
      }
    } catch (IOException e) {
      throw bad(Location.of(file), "cannot read the file: " + e.getMessage());
    }
    return limit - position;
  }

  /**
   * Reads one value (into {@link #field} when {@code keep}); true when another value of the same
   * row follows, false at the row's end (or the file's).
   */
  private boolean readField(boolean keep) {
    fieldLength = 0;
    if (position >= limit && fill(1) == 0) {
      return false;
    }
    if (buffer[position] == '"') {
      position++;
      int startLine = currentLine;
      while (true) {
        if (position >= limit && fill(1) == 0) {
          throw bad(
              new Location(file, startLine, 1),
              "the file ends inside a quoted value: a truncated file? accepted: a log file as"
                  + " Salesforce serves it, whole");
        }
        int at = position;
        int end = limit;
        while (at < end && buffer[at] != '"') {
          if (buffer[at] == '\n') {
            currentLine++;
          }
          at++;
        }
        if (keep) {
          append(position, at);
        }
        position = at;
        if (at == end) {
          continue;
        }
        position++;
        if (position >= limit && fill(1) == 0) {
          return false;
        }
        if (buffer[position] == '"') {
          if (keep) {
            append(position, position + 1);
          }
          position++;
          continue;
        }
        break;
      }
    }
    while (true) {
      if (position >= limit && fill(1) == 0) {
        return false;
      }
      int at = position;
      int end = limit;
      while (at < end) {
        byte b = buffer[at];
        if (b == ',' || b == '\n') {
          break;
        }
        at++;
      }
      if (keep) {
        int stop = at;
        if (stop > position && stop < end && buffer[stop - 1] == '\r') {
          stop--;
        }
        append(position, stop);
      }
      position = at;
      if (at == end) {
        continue;
      }
      position++;
      if (buffer[at] == ',') {
        return true;
      }
      currentLine++;
      if (keep && fieldLength > 0 && field[fieldLength - 1] == '\r') {
        fieldLength--;
      }
      return false;
    }
  }

  private void append(int from, int to) {
    int length = to - from;
    if (fieldLength + length > field.length) {
      field = Arrays.copyOf(field, Math.max(field.length * 2, fieldLength + length));
    }
    System.arraycopy(buffer, from, field, fieldLength, length);
    fieldLength += length;
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
    starts = new int[columns.size()];
    lengths = new int[columns.size()];
  }

  /**
   * Reads the next row; false at the end of the file. A row with another number of values than the
   * header, or a file that ends inside a quoted value, is a truncated file: bad input.
   */
  boolean next() {
    if (!skipBlankLines()) {
      return false;
    }
    line = currentLine;
    Arrays.fill(values, null);
    Arrays.fill(starts, -1);
    rowLength = 0;
    int column = 0;
    boolean more = true;
    while (more) {
      boolean keep = column < slots.length && slots[column] >= 0;
      more = readField(keep);
      if (keep) {
        // kept as bytes: most rows are other users' calls, whose other values are never read
        int slot = slots[column];
        if (rowLength + fieldLength > row.length) {
          row = Arrays.copyOf(row, Math.max(row.length * 2, rowLength + fieldLength));
        }
        System.arraycopy(field, 0, row, rowLength, fieldLength);
        starts[slot] = rowLength;
        lengths[slot] = fieldLength;
        rowLength += fieldLength;
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
  }

  /** The value of the {@code i}th selected column in the current row. */
  String value(int i) {
    String value = values[i];
    if (value == null) {
      value = starts[i] < 0 ? "" : new String(row, starts[i], lengths[i], StandardCharsets.UTF_8);
      values[i] = value;
    }
    return value;
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
      in.close();
    } catch (IOException e) {
      // reading is over; nothing to lose
    }
  }

  static ApionlyException bad(Location location, String message) {
    return ApionlyException.of(ExitCode.BAD_INPUT, location, message);
  }
}
