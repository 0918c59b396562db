package dev.apionly.usage;

import java.util.List;
import java.util.Objects;

/** What the logs of one window say about every integration of the specs. */
public record Usage(Window window, Counts counts, List<IntegrationUsage> integrations) {

  public Usage {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(counts, "counts");
    integrations = List.copyOf(integrations);
  }

  /**
   * The days the evidence covers (UTC, {@code yyyy-MM-dd}): from {@code --since} when given, else
   * the first call's day, to the last call's day.
   */
  public record Window(String from, String to, String since) {
    public Window {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    public boolean hasSince() {
      return since != null;
    }
  }

  /**
   * How the rows of the logs were spent: before the window, by integration users, by other users
   * (ignored), without an object, not mapped, or left to a more detailed log of the same call.
   */
  public record Counts(
      int files,
      long rows,
      long outsideWindow,
      long integrationCalls,
      long otherUserCalls,
      int otherUsers,
      long withoutObject,
      long unmapped,
      long coveredElsewhere) {}
}
