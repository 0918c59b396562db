package dev.apionly.write;

import java.nio.file.Path;
import java.util.List;

/** Everything a run would do to a project, decided before anything is written. */
public record Plan(Path root, List<Change> changes) {

  public Plan {
    changes = List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
