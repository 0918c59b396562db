package dev.apionly.usage;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.model.ObjectVerb;
import dev.apionly.report.AccessReport;
import dev.apionly.report.IntegrationAccess;
import dev.apionly.report.ObjectCell;
import dev.apionly.report.VerbAccess;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sets the logs against the effective access of every integration: the report's access through
 * groups and muting, objects compared ignoring case as Salesforce compares API names.
 */
public final class UsageAnalysis {

  private static final Comparator<String> OBJECT_ORDER =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  private UsageAnalysis() {}

  /**
   * The usage of every integration of {@code report} in the logs under {@code logs}, whose users
   * {@code users} maps; only calls on or after {@code since} (a UTC day) when it is not null.
   */
  public static Usage analyse(AccessReport report, Path logs, Path users, LocalDate since) {
    List<Path> files = LogScan.logFiles(logs);
    UserMap userMap = UserMap.read(users);
    List<IntegrationAccess> integrations =
        report.integrations().stream()
            .sorted(Comparator.comparing(IntegrationAccess::name))
            .toList();
    Map<String, Integer> byUsername = new HashMap<>();
    List<Map<String, Integer>> granted = new ArrayList<>();
    for (int i = 0; i < integrations.size(); i++) {
      IntegrationAccess integration = integrations.get(i);
      int index = i;
      integration
          .user()
          .ifPresent(u -> byUsername.put(u.username().toLowerCase(Locale.ROOT), index));
      granted.add(granted(integration));
    }
    Map<String, Integer> integrationOfUser = new HashMap<>();
    userMap
        .usernames()
        .forEach(
            (id, username) -> integrationOfUser.put(id, byUsername.getOrDefault(username, -1)));
    String start = since == null ? LogScan.NO_START : since.toString();
    LogScan.Result scan = new LogScan(integrationOfUser, granted, start, users).scan(files);
    CallTally tally = scan.tally();
    if (tally.first == null) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(logs),
          tally.rows == 0
              ? "the log files here hold no call; accepted: EventLogFile logs with rows"
              : "no call on or after --since "
                  + since
                  + " (all "
                  + tally.rows
                  + " rows are older); accepted: a --since within the days the logs cover");
    }
    Usage.Window window =
        new Usage.Window(
            since == null ? tally.first.substring(0, 10) : since.toString(),
            tally.last.substring(0, 10),
            since == null ? null : since.toString());
    List<IntegrationUsage> rows = new ArrayList<>();
    long integrationCalls = 0;
    long withoutObject = 0;
    long unmapped = 0;
    java.util.Set<String> mapped = new java.util.HashSet<>(userMap.usernames().values());
    for (int i = 0; i < integrations.size(); i++) {
      IntegrationAccess integration = integrations.get(i);
      CallTally.IntegrationTally calls = tally.integrations[i];
      integrationCalls += calls.calls;
      withoutObject += calls.withoutObject;
      unmapped += calls.unmapped;
      String username =
          integration.user().map(u -> u.username().toLowerCase(Locale.ROOT)).orElse(null);
      Evidence evidence =
          username == null
              ? Evidence.NO_USER
              : !mapped.contains(username)
                  ? Evidence.USER_NOT_IN_MAP
                  : calls.calls == 0 ? Evidence.NO_CALLS : Evidence.CALLS;
      rows.add(
          new IntegrationUsage(
              integration.name(),
              integration.user().map(u -> u.username()).orElse(null),
              integration.specFile(),
              evidence,
              calls.calls,
              calls.withoutObject,
              evidence.tellsUnused() ? unused(integration, calls) : List.of(),
              ungranted(calls),
              calls.unmapped,
              calls.unmappedNames));
    }
    Usage.Counts counts =
        new Usage.Counts(
            scan.files().size(),
            tally.rows,
            tally.outsideWindow,
            integrationCalls,
            tally.otherUserCalls,
            tally.otherUsers.cardinality(),
            withoutObject,
            unmapped,
            tally.coveredElsewhere);
    return new Usage(window, counts, rows);
  }

  /** Lower-case object to the verbs the group grants on it, muted ones not counted. */
  private static Map<String, Integer> granted(IntegrationAccess integration) {
    Map<String, Integer> granted = new HashMap<>();
    for (ObjectCell cell : integration.objects()) {
      int mask = 0;
      for (VerbAccess verb : cell.verbs()) {
        if (!verb.muted()) {
          mask |= Operation.bit(verb.verb());
        }
      }
      granted.merge(cell.object().toLowerCase(Locale.ROOT), mask, (a, b) -> a | b);
    }
    return granted;
  }

  /**
   * Granted verbs no call needed. A used verb keeps the verbs Salesforce requires with it (create
   * keeps read). View all and modify all leave no trace of their own in the logs: a read may have
   * needed view all, an edit or delete modify all, so those are called unused only when no call of
   * that kind was made.
   */
  private static List<UnusedAccess> unused(
      IntegrationAccess integration, CallTally.IntegrationTally calls) {
    List<UnusedAccess> unused = new ArrayList<>();
    for (ObjectCell cell : integration.objects()) {
      CallTally.ObjectTally tally = calls.objects.get(cell.object().toLowerCase(Locale.ROOT));
      int used = tally == null ? 0 : tally.used;
      int needed = closure(used, cell.object().endsWith("__b"));
      if ((used & Operation.READ) != 0) {
        needed |= Operation.bit(ObjectVerb.VIEW_ALL);
      }
      if ((used & (Operation.EDIT | Operation.DELETE)) != 0) {
        needed |= Operation.bit(ObjectVerb.MODIFY_ALL);
      }
      List<ObjectVerb> verbs = new ArrayList<>();
      TreeSet<String> sets = new TreeSet<>();
      for (VerbAccess verb : cell.verbs()) {
        if (!verb.muted() && (needed & Operation.bit(verb.verb())) == 0) {
          verbs.add(verb.verb());
          sets.addAll(verb.from());
        }
      }
      boolean heldVerbs = cell.verbs().stream().anyMatch(v -> !v.muted());
      if (!verbs.isEmpty() || heldVerbs && used == 0) {
        unused.add(new UnusedAccess(cell.object(), verbs, used == 0, new ArrayList<>(sets)));
      }
    }
    unused.sort(Comparator.comparing(UnusedAccess::object, OBJECT_ORDER));
    return unused;
  }

  /** {@code verbs} and every verb Salesforce requires with them. */
  static int closure(int verbs, boolean bigObject) {
    int all = verbs;
    for (ObjectVerb verb : Operation.verbs(verbs)) {
      for (ObjectVerb required : verb.requires(bigObject)) {
        all |= Operation.bit(required);
      }
    }
    return all;
  }

  private static List<UngrantedAccess> ungranted(CallTally.IntegrationTally calls) {
    List<UngrantedAccess> ungranted = new ArrayList<>();
    for (CallTally.ObjectTally tally : calls.objects.values()) {
      if (tally.ungranted != 0) {
        ungranted.add(
            new UngrantedAccess(
                tally.name,
                Operation.verbs(tally.ungranted),
                tally.ungrantedCalls,
                tally.denied,
                tally.lastUngranted));
      }
    }
    ungranted.sort(Comparator.comparing(UngrantedAccess::object, OBJECT_ORDER));
    return ungranted;
  }
}
