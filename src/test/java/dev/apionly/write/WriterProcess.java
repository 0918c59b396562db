package dev.apionly.write;

import dev.apionly.render.OutputLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The write phase of {@code generate} alone, in its own process, for crash tests: writes into the
 * project in the first argument the generated files of the project in the second (as listed in its
 * state file) and its {@code sfdx-project.json}, under the lock, after recovering any interrupted
 * run. Starts faster than the whole command, so a test can stop it at every one of its file
 * operations. With a third argument {@code recover}, it only recovers.
 */
public final class WriterProcess {

  private WriterProcess() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    Path source = Path.of(args[1]).toAbsolutePath().normalize();
    Pattern owned = new OutputLayout("force-app", "66.0").generatedPaths();
    List<OutputFile> desired = new ArrayList<>();
    for (StateFile.Entry entry : StateFile.read(source, owned).values()) {
      desired.add(
          new OutputFile(
              entry.path(),
              entry.owner(),
              Files.readAllBytes(source.resolve(entry.path())),
              entry.sha256()));
    }
    try (ProjectLock lock = ProjectLock.acquire(root)) {
      ProjectWriter.recover(root, owned);
      if (args.length > 2 && args[2].equals("recover")) {
        return;
      }
      Map<String, StateFile.Entry> previous = StateFile.read(root, owned);
      // sfdx-project.json as generate edits it (apionly's replacement entries), when it differs
      List<EditedFile> edits = new ArrayList<>();
      byte[] project = ProjectFile.read(root);
      byte[] wanted = Files.readAllBytes(source.resolve(EditedFile.PROJECT_FILE));
      if (!java.util.Arrays.equals(project, wanted)) {
        edits.add(new EditedFile(EditedFile.PROJECT_FILE, project, wanted));
      }
      ProjectWriter.apply(ProjectWriter.plan(root, previous, desired, edits));
    }
  }
}
