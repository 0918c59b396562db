import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code java src/build/ClassLists.java OUT IN...}: one class list for the class-data-sharing
 * archive from the lists of several training runs, each entry once, as the archive dump fails on
 * a lambda proxy listed twice.
 */
public final class ClassLists {

  private ClassLists() {}

  public static void main(String[] args) throws IOException {
    Set<String> entries = new LinkedHashSet<>();
    for (int i = 1; i < args.length; i++) {
      for (String line : Files.readAllLines(Path.of(args[i]))) {
        if (!line.isBlank() && !line.startsWith("#")) {
          entries.add(line);
        }
      }
    }
    List<String> lines = new ArrayList<>(entries);
    Files.write(Path.of(args[0]), lines);
  }
}
