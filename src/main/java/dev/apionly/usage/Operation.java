package dev.apionly.usage;

import dev.apionly.model.ObjectVerb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a logged call needs on its object, as a set of {@link ObjectVerb}s in one {@code int} (bit
 * {@code 1 << ordinal}): a log holds millions of rows, so no set object is made per row. {@link
 * #NONE} is a call that needs no object verb (a describe, a login); {@link #UNMAPPED} one whose
 * operation apionly does not know.
 */
final class Operation {

  static final int NONE = 0;
  static final int UNMAPPED = -1;

  static final int READ = bit(ObjectVerb.READ);
  static final int CREATE = bit(ObjectVerb.CREATE);
  static final int EDIT = bit(ObjectVerb.EDIT);
  static final int DELETE = bit(ObjectVerb.DELETE);

  /**
   * SOAP API calls by METHOD_NAME, lower case. Undelete needs delete (Salesforce asks for it to
   * restore a record); merge edits the master record and deletes the others.
   */
  private static final Map<String, Integer> SOAP =
      Map.ofEntries(
          Map.entry("query", READ),
          Map.entry("querymore", READ),
          Map.entry("queryall", READ),
          Map.entry("retrieve", READ),
          Map.entry("search", READ),
          Map.entry("getdeleted", READ),
          Map.entry("getupdated", READ),
          Map.entry("create", CREATE),
          Map.entry("update", EDIT),
          Map.entry("upsert", CREATE | EDIT),
          Map.entry("delete", DELETE),
          Map.entry("undelete", DELETE),
          Map.entry("emptyrecyclebin", DELETE),
          Map.entry("merge", EDIT | DELETE));

  /** Bulk API and Bulk API 2.0 jobs by OPERATION_TYPE, lower case. */
  private static final Map<String, Integer> BULK =
      Map.of(
          "insert", CREATE,
          "update", EDIT,
          "upsert", CREATE | EDIT,
          "delete", DELETE,
          "harddelete", DELETE,
          "query", READ,
          "queryall", READ);

  /** REST path segments whose calls only read, whatever the HTTP method. */
  private static final List<String> READING = List.of("query", "queryall", "search");

  private Operation() {}

  static int bit(ObjectVerb verb) {
    return 1 << verb.ordinal();
  }

  /** The verbs of a mask, in {@link ObjectVerb} order. */
  static List<ObjectVerb> verbs(int mask) {
    List<ObjectVerb> verbs = new ArrayList<>();
    for (ObjectVerb verb : ObjectVerb.values()) {
      if ((mask & bit(verb)) != 0) {
        verbs.add(verb);
      }
    }
    return verbs;
  }

  /**
   * A SOAP API call by its METHOD_NAME. Methods that touch no record (describes, login, limits)
   * need no object verb; any other method apionly does not know is unmapped.
   */
  static int soap(String method) {
    String lower = method.toLowerCase(Locale.ROOT);
    Integer verbs = SOAP.get(lower);
    if (verbs != null) {
      return verbs;
    }
    return lower.startsWith("describe")
            || lower.startsWith("get")
            || lower.equals("login")
            || lower.equals("logout")
            || lower.isEmpty()
        ? NONE
        : UNMAPPED;
  }

  /** A Bulk API or Bulk API 2.0 job by its OPERATION_TYPE. */
  static int bulk(String operation) {
    Integer verbs = BULK.get(operation.toLowerCase(Locale.ROOT));
    return verbs == null ? UNMAPPED : verbs;
  }

  /**
   * A REST call by its HTTP method and URI: GET and HEAD read, POST creates, PATCH and PUT edit,
   * DELETE deletes; except queries and searches (read, also when posted), describes (no verb), and
   * a PATCH to {@code sobjects/OBJECT/FIELD/VALUE}, which is an upsert by external id.
   */
  static int rest(String method, String uri) {
    List<String> path = segments(uri);
    for (String segment : path) {
      String lower = segment.toLowerCase(Locale.ROOT);
      if (lower.equals("describe")) {
        return NONE;
      }
      if (READING.contains(lower) || lower.equals("parameterizedsearch")) {
        return READ;
      }
    }
    int verbs =
        switch (method.toUpperCase(Locale.ROOT)) {
          case "GET", "HEAD" -> READ;
          case "POST" -> CREATE;
          case "PATCH", "PUT" -> EDIT;
          case "DELETE" -> DELETE;
          default -> UNMAPPED;
        };
    if (verbs == EDIT && isUpsert(path)) {
      return CREATE | EDIT;
    }
    return verbs;
  }

  /** {@code …/sobjects/Account/ERP_Id__c/42}: a field and its value after the object, no id. */
  private static boolean isUpsert(List<String> path) {
    int at = indexOf(path, "sobjects");
    return at >= 0 && path.size() == at + 4 && !isRecordId(path.get(at + 2));
  }

  private static int indexOf(List<String> path, String segment) {
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i).equalsIgnoreCase(segment)) {
        return i;
      }
    }
    return -1;
  }

  /** A Salesforce record id: 15 or 18 letters and digits. */
  static boolean isRecordId(String text) {
    if (text.length() != 15 && text.length() != 18) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  /** The path of a URI, split at '/', without its query string or empty segments. */
  static List<String> segments(String uri) {
    int end = uri.indexOf('?');
    String path = end < 0 ? uri : uri.substring(0, end);
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }
}
