package dev.apionly.usage;

import dev.apionly.diagnostic.Diagnostic;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the logs say, added up while they stream: per integration and object, the verbs used and the
 * calls that needed a verb its group does not grant. One tally per file, merged at the end.
 */
final class CallTally {

  /** Operation names kept per integration for the "not mapped" note: enough to act on. */
  private static final int MAX_UNMAPPED_NAMES = 20;

  /** User ids not in the map, each reported once, at the first row that has it. */
  static final int MAX_UNKNOWN_USERS = 20;

  long rows;
  long outsideWindow;
  long otherUserCalls;
  long coveredElsewhere;
  String first;
  String last;

  /** Users who are no integration's, by their number in the {@link UserIndex}. */
  final BitSet otherUsers = new BitSet();

  final Map<String, Diagnostic> unknownUsers = new LinkedHashMap<>();
  final IntegrationTally[] integrations;

  CallTally(int integrations) {
    this.integrations = new IntegrationTally[integrations];
    for (int i = 0; i < integrations; i++) {
      this.integrations[i] = new IntegrationTally();
    }
  }

  void seen(String time) {
    if (first == null || time.compareTo(first) < 0) {
      first = time;
    }
    if (last == null || time.compareTo(last) > 0) {
      last = time;
    }
  }

  /** Adds {@code other}'s numbers to this tally. */
  void merge(CallTally other) {
    rows += other.rows;
    outsideWindow += other.outsideWindow;
    otherUserCalls += other.otherUserCalls;
    coveredElsewhere += other.coveredElsewhere;
    if (other.first != null) {
      seen(other.first);
      seen(other.last);
    }
    otherUsers.or(other.otherUsers);
    other.unknownUsers.forEach(
        (id, d) -> {
          if (unknownUsers.size() < MAX_UNKNOWN_USERS) {
            unknownUsers.putIfAbsent(id, d);
          }
        });
    for (int i = 0; i < integrations.length; i++) {
      integrations[i].merge(other.integrations[i]);
    }
  }

  /** One integration's calls. */
  static final class IntegrationTally {
    long calls;
    long withoutObject;
    long unmapped;
    final Map<String, Long> unmappedNames = new TreeMap<>();
    final Map<String, ObjectTally> objects = new HashMap<>();

    void unmapped(String name) {
      unmapped++;
      if (isPlainName(name)
          && (unmappedNames.containsKey(name) || unmappedNames.size() < MAX_UNMAPPED_NAMES)) {
        unmappedNames.merge(name, 1L, Long::sum);
      }
    }

    void merge(IntegrationTally other) {
      calls += other.calls;
      withoutObject += other.withoutObject;
      unmapped += other.unmapped;
      other.unmappedNames.forEach(
          (name, n) -> {
            if (unmappedNames.containsKey(name) || unmappedNames.size() < MAX_UNMAPPED_NAMES) {
              unmappedNames.merge(name, n, Long::sum);
            }
          });
      other.objects.forEach(
          (key, tally) -> objects.computeIfAbsent(key, k -> new ObjectTally()).merge(tally));
    }
  }

  /** One object's calls by one integration. */
  static final class ObjectTally {
    /** The spelling seen, the least in {@code String} order, so merging order does not matter. */
    String name;

    long calls;
    int used;
    int ungranted;
    long ungrantedCalls;
    long denied;
    String lastUngranted;

    void add(String spelling, int verbs, int granted, boolean wasDenied, String time) {
      if (name == null || spelling.compareTo(name) < 0) {
        name = spelling;
      }
      calls++;
      used |= verbs;
      int missing = verbs & ~granted;
      if (missing != 0) {
        ungranted |= missing;
        ungrantedCalls++;
        if (wasDenied) {
          denied++;
        }
        if (lastUngranted == null || time.compareTo(lastUngranted) > 0) {
          lastUngranted = time;
        }
      }
    }

    void merge(ObjectTally other) {
      if (name == null || other.name != null && other.name.compareTo(name) < 0) {
        name = other.name;
      }
      calls += other.calls;
      used |= other.used;
      ungranted |= other.ungranted;
      ungrantedCalls += other.ungrantedCalls;
      denied += other.denied;
      if (other.lastUngranted != null
          && (lastUngranted == null || other.lastUngranted.compareTo(lastUngranted) > 0)) {
        lastUngranted = other.lastUngranted;
      }
    }
  }

  /**
   * A name safe to repeat in a report: an API method or operation is letters, digits and
   * underscores; anything else in that column is not quoted back.
   */
  static boolean isPlainName(String text) {
    if (text.isEmpty() || text.length() > 40) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128 || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
