package dev.apionly.usage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The user map's ids numbered, each with its integration: found from a log value's bytes where they
 * lie, so the rows of users who are no integration's (most of a log) cost no string.
 */
final class UserIndex {

  /** Eight bytes as one number; the byte order is immaterial, as keys and ids are read alike. */
  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long NOT_ASCII = 0x8080808080808080L;

  /** A user map key: 15 letters and digits (see {@link UserMap#key(String)}). */
  private static final int KEY = 15;

  private final Map<String, Integer> numbers = new HashMap<>();
  private final int[] integrations;

  /** Open addressing by the key's bytes 0–7 and 7–14; number + 1, 0 where none. */
  private final long[] low;

  private final long[] high;
  private final int[] slots;
  private final int mask;

  /** {@code integrationOfUser}: user map key to the integration's index, -1 for none. */
  UserIndex(Map<String, Integer> integrationOfUser) {
    integrations = new int[integrationOfUser.size()];
    int size = Integer.highestOneBit(Math.max(4, integrationOfUser.size() * 2 - 1)) * 2;
    low = new long[size];
    high = new long[size];
    slots = new int[size];
    mask = size - 1;
    integrationOfUser.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              int number = numbers.size();
              numbers.put(e.getKey(), number);
              integrations[number] = e.getValue();
              byte[] ascii = e.getKey().getBytes(StandardCharsets.UTF_8);
              if (ascii.length == KEY && ascii.length == e.getKey().length()) {
                long a = (long) EIGHT_BYTES.get(ascii, 0);
                long b = (long) EIGHT_BYTES.get(ascii, KEY - 8);
                int at = hash(a, b) & mask;
                while (slots[at] != 0) {
                  at = (at + 1) & mask;
                }
                low[at] = a;
                high[at] = b;
                slots[at] = number + 1;
              }
            });
  }

  private static int hash(long a, long b) {
    long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
    return (int) (h ^ (h >>> 29) ^ (h >>> 43));
  }

  /**
   * The number of the user whose id starts {@code length} bytes of {@code bytes} from {@code
   * start}, -1 when no user's is found this way (then look the decoded id up with {@link
   * #number(String)}: this finds only ids whose first 15 bytes are ASCII).
   */
  int number(byte[] bytes, int start, int length) {
    if (length < KEY) {
      return -1;
    }
    long a = (long) EIGHT_BYTES.get(bytes, start);
    long b = (long) EIGHT_BYTES.get(bytes, start + KEY - 8);
    if (((a | b) & NOT_ASCII) != 0) {
      return -1;
    }
    int at = hash(a, b) & mask;
    while (true) {
      int slot = slots[at];
      if (slot == 0) {
        return -1;
      }
      if (low[at] == a && high[at] == b) {
        return slot - 1;
      }
      at = (at + 1) & mask;
    }
  }

  /** The number of the user whose key is {@code key}, -1 when the map has none. */
  int number(String key) {
    Integer number = numbers.get(key);
    return number == null ? -1 : number;
  }

  /** The integration user {@code number} is, -1 when none. */
  int integration(int number) {
    return integrations[number];
  }
}
