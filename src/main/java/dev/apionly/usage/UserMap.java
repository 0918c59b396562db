package dev.apionly.usage;

import dev.apionly.diagnostic.Location;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The org's users by id, from {@code sf data query --query "SELECT Id, Username FROM User"
 * --result-format csv}. Ids are kept by their first 15 characters, compared case-sensitively: the
 * 18-character form only adds a checksum for case-blind systems, so both forms find the user.
 */
final class UserMap {

  static final String ID = "Id";
  static final String USERNAME = "Username";

  private final Map<String, String> usernames;

  private UserMap(Map<String, String> usernames) {
    this.usernames = usernames;
  }

  /** Reads {@code file}; a missing column or a malformed id is bad input at its line. */
  static UserMap read(Path file) {
    try (LogTable table = LogTable.open(file)) {
      String id = column(table, ID);
      String username = column(table, USERNAME);
      table.select(List.of(id, username));
      Map<String, String> usernames = new HashMap<>();
      while (table.next()) {
        String value = table.value(0).strip();
        if (!Operation.isRecordId(value)) {
          throw LogTable.bad(
              table.locate(table.line(), id),
              "this Id is not a Salesforce id; accepted: 15 or 18 letters and digits");
        }
        usernames.put(key(value), table.value(1).strip().toLowerCase(Locale.ROOT));
      }
      return new UserMap(usernames);
    }
  }

  /** The header's name for {@code column}, matched ignoring case as the CLI may vary it. */
  private static String column(LogTable table, String column) {
    for (String name : table.header()) {
      if (name.equalsIgnoreCase(column)) {
        return name;
      }
    }
    throw LogTable.bad(
        new Location(table.file(), 1, 1),
        "the user map has no "
            + column
            + " column; accepted: the CSV of sf data query --query \"SELECT Id, Username FROM"
            + " User\" --result-format csv");
  }

  /** The 15-character key of a 15- or 18-character id. */
  static String key(String id) {
    return id.length() > 15 ? id.substring(0, 15) : id;
  }

  /** Every user: 15-character id to lower-case username. */
  Map<String, String> usernames() {
    return usernames;
  }

  /** How many users the map holds. */
  int size() {
    return usernames.size();
  }
}
