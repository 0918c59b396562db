package dev.apionly.usage;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * time the scale target allows; here a row is parsed where it lies in the read buffer, and a value
 * is decoded only when asked for. A table may be limited to the rows that start in a byte range of
 * the file, so that several threads share one large file.
 */
final class LogTable implements AutoCloseable {

  private static final int BUFFER = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private byte[] buffer = new byte[BUFFER];

  /** The file offset of {@code buffer[0]}. */
  private long bufferStart;

  private int position;
  private int limit;
  private boolean ended;

  /** Rows that start at or past this file offset are left to whoever reads the next range. */
  private long end = Long.MAX_VALUE;

  /**
   * Line numbers, which only errors need, are counted when asked for (see {@link #lineAt(long)}),
   * not while parsing: the line breaks before this offset are counted, and it is on this line.
   */
  private long countedTo;

  private int countedLine = 1;

  private List<String> header = List.of();
  private final Map<String, Integer> index = new HashMap<>();
  private int[] slots = new int[0];
  private String[] values = new String[0];

  /** Where each selected value lies: in {@link #buffer}, or in {@link #scratch} once unescaped. */
  private int[] starts = new int[0];

  private int[] lengths = new int[0];
  private boolean[] unescaped = new boolean[0];
  private byte[] scratch = new byte[256];
  private int scratchLength;

  /** The file offset of the current row. */
  private long rowOffset;

  private LogTable(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens {@code file} and reads its header row; an empty file or a bad header is bad input. */
  static LogTable open(Path file) {
    LogTable table;
    try {
      table = new LogTable(file, FileChannel.open(file, StandardOpenOption.READ));
    } catch (IOException | RuntimeException e) {
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
    if (!skipBlankLines()) {
      throw bad(Location.of(file), "the file is empty; accepted: a CSV file with a header row");
    }
    List<String> names = new ArrayList<>();
    while (!parseRow(names)) {
      names.clear();
      more();
    }
    header = names.stream().map(String::strip).toList();
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i), i);
    }
  }

  private void skipByteOrderMark() {
    while (limit - position < 3 && more()) {
      // until three bytes are there or the file ends
    }
    if (limit - position >= 3
        && buffer[position] == (byte) 0xEF
        && buffer[position + 1] == (byte) 0xBB
        && buffer[position + 2] == (byte) 0xBF) {
      position += 3;
    }
  }

  /**
   * From now on, reads only the rows that start in {@code [from, to)} of the file; {@code from}
   * must be where a row starts (or the current position, for the rows after the header).
   */
  void range(long from, long to) {
    if (from != offset()) {
      try {
        channel.position(from);
      } catch (IOException e) {
        throw bad(Location.of(file), "cannot read the file: " + e.getMessage());
      }
      bufferStart = from;
      position = 0;
      limit = 0;
      ended = false;
    }
    end = to;
  }

  /**
   * The file offset of the next byte to parse: after {@link #next()} is false, where it stopped.
   */
  long offset() {
    return bufferStart + position;
  }

  /** Moves past empty lines; false at the end of the file. */
  private boolean skipBlankLines() {
    while (true) {
      if (position >= limit && !more()) {
        return false;
      }
      byte b = buffer[position];
      if (b == '\n' || b == '\r') {
        position++;
      } else {
        return true;
      }
    }
  }

  /**
   * Reads more of the file behind what is still to parse (moved to the buffer's start, the buffer
   * grown when it is all one row); false at the end of the file.
   */
  private boolean more() {
    if (ended) {
      return false;
    }
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      bufferStart += position;
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    try {
      int read = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit));
      if (read < 0) {
        ended = true;
        return false;
      }
      limit += read;
      return true;
    } catch (IOException e) {
      throw bad(Location.of(file), "cannot read the file: " + e.getMessage());
    }
  }

  /**
   * Parses the row at {@link #position}, recording where each selected value lies (and adding every
   * value to {@code all} when it is not null); false, with nothing moved, when the row runs past
   * the bytes read so far and the file goes on: {@link #more()}, then parse it again.
   */
  private boolean parseRow(List<String> all) {
    final byte[] b = buffer;
    final int stop = limit;
    int at = position;
    int column = 0;
    scratchLength = 0;
    while (true) {
      int slot = column < slots.length ? slots[column] : -1;
      int from;
      int to;
      int tail = -1;
      boolean escaped = false;
      if (at < stop && b[at] == '"') {
        int opened = at;
        at++;
        from = at;
        while (true) {
          while (at < stop && b[at] != '"') {
            at++;
          }
          if (at + 1 >= stop) {
            if (!ended) {
              return false;
            }
            if (at >= stop) {
              throw bad(
                  new Location(file, lineAt(bufferStart + opened), 1),
                  "the file ends inside a quoted value: a truncated file? accepted: a log file as"
                      + " Salesforce serves it, whole");
            }
            break;
          }
          if (b[at + 1] != '"') {
            break;
          }
          escaped = true;
          at += 2;
        }
        to = at;
        at++;
        // anything between the closing quote and the separator belongs to the value
        tail = at;
        while (at < stop && b[at] != ',' && b[at] != '\n') {
          at++;
        }
      } else {
        from = at;
        while (at < stop && b[at] != ',' && b[at] != '\n') {
          at++;
        }
        to = at;
      }
      if (at >= stop && !ended) {
        return false;
      }
      boolean lineBreak = at < stop && b[at] == '\n';
      if (slot >= 0 || all != null) {
        keep(slot, all, from, to, tail, at, escaped, lineBreak);
      }
      column++;
      if (lineBreak) {
        at++;
        break;
      }
      if (at >= stop) {
        break;
      }
      at++;
    }
    rowOffset = bufferStart + position;
    position = at;
    if (all == null && column != header.size()) {
      throw bad(
          new Location(file, line(), 1),
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

  /**
   * Records a value: {@code [from, to)} of the buffer, then for a quoted one whatever follows its
   * closing quote up to {@code separator}. A carriage return before the separator is dropped, and
   * one more before a line break, as CRLF files end their lines.
   */
  private void keep(
      int slot,
      List<String> all,
      int from,
      int to,
      int tail,
      int separator,
      boolean escaped,
      boolean lineBreak) {
    byte[] b = buffer;
    int tailEnd = separator;
    if (tail < 0) {
      if (to > from && to < limit && b[to - 1] == '\r') {
        to--;
      }
    } else if (tailEnd > tail && separator < limit && b[tailEnd - 1] == '\r') {
      tailEnd--;
    }
    byte[] array = b;
    int start = from;
    int length = to - from;
    if (escaped || tail >= 0 && tailEnd > tail) {
      start = scratchLength;
      for (int i = from; i < to; i++) {
        append(b[i]);
        if (escaped && b[i] == '"') {
          i++;
        }
      }
      for (int i = tail; i < tailEnd; i++) {
        append(b[i]);
      }
      array = scratch;
      length = scratchLength - start;
    }
    if (lineBreak && length > 0 && array[start + length - 1] == '\r') {
      length--;
    }
    if (slot >= 0) {
      starts[slot] = start;
      lengths[slot] = length;
      unescaped[slot] = array == scratch;
    }
    if (all != null) {
      all.add(new String(array, start, length, StandardCharsets.UTF_8));
    }
  }

  private void append(byte b) {
    if (scratchLength == scratch.length) {
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[scratchLength++] = b;
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
    unescaped = new boolean[columns.size()];
  }

  /**
   * Reads the next row; false at the end of the file, or of the range. A row with another number of
   * values than the header, or a file that ends inside a quoted value, is a truncated file: bad
   * input.
   */
  boolean next() {
    while (true) {
      if (!skipBlankLines() || offset() >= end) {
        return false;
      }
      Arrays.fill(values, null);
      if (parseRow(null)) {
        return true;
      }
      more();
    }
  }

  /** The bytes that hold the {@code i}th selected value (UTF-8), from {@link #start(int)}. */
  byte[] bytes(int i) {
    return unescaped[i] ? scratch : buffer;
  }

  /** Where the {@code i}th selected value starts in {@link #bytes(int)}. */
  int start(int i) {
    return starts[i];
  }

  /** How many bytes the {@code i}th selected value has: 0 when empty or not in the file. */
  int length(int i) {
    return lengths[i];
  }

  /** Whether the {@code i}th selected value is {@code ascii}'s bytes. */
  boolean is(int i, byte[] ascii) {
    if (lengths[i] != ascii.length) {
      return false;
    }
    byte[] array = bytes(i);
    int start = starts[i];
    for (int k = 0; k < ascii.length; k++) {
      if (array[start + k] != ascii[k]) {
        return false;
      }
    }
    return true;
  }

  /** The value of the {@code i}th selected column in the current row. */
  String value(int i) {
    String value = values[i];
    if (value == null) {
      value =
          lengths[i] == 0
              ? ""
              : new String(bytes(i), starts[i], lengths[i], StandardCharsets.UTF_8);
      values[i] = value;
    }
    return value;
  }

  /** The line the current row starts on. */
  int line() {
    return lineAt(rowOffset);
  }

  /**
   * The 1-based line of the byte at {@code offset}: the line breaks before it, counted from where
   * the last count stopped when that is before it (as errors come in file order), else from the
   * file's start; read apart from the parsing, which it leaves where it is.
   */
  private int lineAt(long offset) {
    if (offset < countedTo) {
      countedTo = 0;
      countedLine = 1;
    }
    ByteBuffer chunk = ByteBuffer.allocate(BUFFER);
    try {
      while (countedTo < offset) {
        chunk.clear();
        chunk.limit((int) Math.min(chunk.capacity(), offset - countedTo));
        int read = channel.read(chunk, countedTo);
        if (read <= 0) {
          break;
        }
        byte[] bytes = chunk.array();
        for (int i = 0; i < read; i++) {
          if (bytes[i] == '\n') {
            countedLine++;
          }
        }
        countedTo += read;
      }
    } catch (IOException e) {
      throw bad(Location.of(file), "cannot read the file: " + e.getMessage());
    }
    return countedLine;
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
      channel.close();
    } catch (IOException e) {
      // reading is over; nothing to lose
    }
  }

  static ApionlyException bad(Location location, String message) {
    return ApionlyException.of(ExitCode.BAD_INPUT, location, message);
  }
}
