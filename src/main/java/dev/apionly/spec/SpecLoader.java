package dev.apionly.spec;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The load stage: finds every {@code *.yaml}/{@code *.yml} under the given directories (or the
 * given files), reads each root's {@code apionly.yaml}, and binds every spec. Stops with exit code
 * 2 after reading them all if any is bad.
 */
public final class SpecLoader {

  private SpecLoader() {}

  /** Loads every spec under {@code inputs}; throws with all problems found if any is bad. */
  public static SpecSet load(List<Path> inputs, Diagnostics diagnostics) {
    Map<Path, ProjectConfig> configs = new HashMap<>();
    Map<Path, ProjectConfig> files = new LinkedHashMap<>();
    for (Path input : inputs) {
      Path normalized = input.toAbsolutePath().normalize();
      if (Files.isDirectory(normalized) && Files.isSymbolicLink(normalized)) {
        diagnostics.add(linkedDirectory(input));
      } else if (Files.isDirectory(normalized)) {
        ProjectConfig config = configs.computeIfAbsent(normalized, d -> config(d, diagnostics));
        Listing listing = list(normalized);
        for (Path link : listing.linkedDirectories()) {
          diagnostics.add(linkedDirectory(link));
        }
        for (Path file : listing.specFiles()) {
          if (readable(file, normalized, diagnostics)) {
            files.putIfAbsent(file, config);
          }
        }
      } else if (Files.isRegularFile(normalized)) {
        if (!isSpecFile(normalized)) {
          diagnostics.error(
              Location.of(input),
              "not a spec file; accepted: a directory, or a file ending in .yaml or .yml");
          continue;
        }
        Path root = normalized.getParent();
        if (readable(normalized, root, diagnostics)) {
          files.putIfAbsent(normalized, configs.computeIfAbsent(root, d -> config(d, diagnostics)));
        }
      } else if (Files.exists(normalized)) {
        diagnostics.add(
            Diagnostic.error(
                    Location.of(input),
                    "is "
                        + specialFileKind(normalized)
                        + ", not a regular file, so apionly does not read it; accepted: spec"
                        + " directories or files")
                .withoutSource());
      } else {
        diagnostics.error(
            Location.of(input), "no such file or directory; accepted: spec directories or files");
      }
    }
    // each file is read and bound on its own, so files are loaded on every core; the list keeps
    // file order (stream order), and Diagnostics sorts what it collects
    List<SpecSet.LoadedSpec> specs =
        new ArrayList<>(files.entrySet())
            .parallelStream()
                .map(
                    file ->
                        YamlReader.read(file.getKey(), diagnostics)
                            .flatMap(root -> SpecParser.parse(file.getKey(), root, diagnostics))
                            .map(spec -> new SpecSet.LoadedSpec(spec, file.getValue())))
                .flatMap(Optional::stream)
                .toList();
    diagnostics.throwIfErrors(ExitCode.BAD_INPUT);
    return new SpecSet(specs);
  }

  private static ProjectConfig config(Path directory, Diagnostics diagnostics) {
    Path file = directory.resolve(ProjectConfig.FILE_NAME);
    return Files.isRegularFile(file) && readable(file, directory, diagnostics)
        ? ConfigParser.read(file, diagnostics)
        : ProjectConfig.none();
  }

  /**
   * Whether {@code file} may be read as a spec: its name holds no control character (names reach
   * the state file and messages), and if it is a symbolic link, it leads to a file inside {@code
   * root} (the directory given, or the one holding a file given). A link leading out of it is
   * refused without being read, so no line of a file outside is ever quoted.
   */
  private static boolean readable(Path file, Path root, Diagnostics diagnostics) {
    String name = file.toString();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        diagnostics.add(
            Diagnostic.error(
                    Location.of(Path.of(name.replaceAll("\\p{Cntrl}", "?"))),
                    String.format(
                        "the file name holds the control character U+%04X at column %d; rename"
                            + " the file (apionly refuses names that could forge its output)",
                        (int) c, i + 1))
                .withoutSource());
        return false;
      }
    }
    if (!Files.isSymbolicLink(file)) {
      return true;
    }
    try {
      if (file.toRealPath().startsWith(root.toRealPath())) {
        return true;
      }
    } catch (IOException e) {
      // a dangling link: refused below like one leading out
    }
    diagnostics.add(
        Diagnostic.error(
                Location.of(file),
                "is a symbolic link to a file outside "
                    + Paths.display(root)
                    + "; apionly does not read it: copy the spec in instead")
            .withoutSource());
    return false;
  }

  /**
   * A directory reached through a symbolic link is refused rather than passed over: the specs in it
   * would count as deleted, and generate would remove their files and list their components for
   * deletion from the org.
   */
  private static Diagnostic linkedDirectory(Path link) {
    return Diagnostic.error(
            Location.of(link),
            "is a symbolic link to a directory; apionly does not follow it: name the directory"
                + " it leads to, or move the specs in")
        .withoutSource();
  }

  /** What one walk of a spec directory finds: its spec files, and directories reached by links. */
  private record Listing(List<Path> specFiles, List<Path> linkedDirectories) {}

  private static Listing list(Path directory) {
    List<Path> specs = new ArrayList<>();
    List<Path> links = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.filter(p -> !hidden(directory.relativize(p)))
          .forEach(
              p -> {
                if (Files.isSymbolicLink(p) && Files.isDirectory(p)) {
                  links.add(p);
                } else if (Files.isRegularFile(p)
                    && isSpecFile(p)
                    && !p.getFileName().toString().equals(ProjectConfig.FILE_NAME)) {
                  specs.add(p);
                }
              });
    } catch (IOException | java.io.UncheckedIOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(directory), "cannot list directory: " + e.getMessage());
    }
    specs.sort(null);
    links.sort(null);
    return new Listing(specs, links);
  }

  /** What a path that exists but is neither a file nor a directory is, in a reader's words. */
  private static String specialFileKind(Path path) {
    try {
      // the file type bits of the POSIX mode, where the file system has them
      int type = (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
      return switch (type) {
        case 0010000 -> "a named pipe (FIFO)";
        case 0140000 -> "a socket";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  private static boolean isSpecFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
