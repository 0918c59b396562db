package dev.apionly.usage;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.model.ObjectVerb;
import dev.apionly.resolve.ResolvedSpec;
import dev.apionly.resolve.ResolvedSpecs;
import dev.apionly.spec.IntegrationSpec;
import dev.apionly.spec.ObjectSpec;
import dev.apionly.spec.Ref;
import dev.apionly.spec.SpecParser;
import dev.apionly.spec.YamlReader;
import dev.apionly.write.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tightened specs from the evidence: each spec's text with the unused verbs and objects taken out
 * of its {@code objects}, everything else as written (comments included), and a comment on top
 * naming the logs and what was removed. Only the spec's own grants are touched: what an included
 * set grants is named in the comment, for that set's owner.
 */
public final class SpecSuggestions {

  /** One tightened spec: where it goes in the suggestions directory, and its text. */
  public record Suggestion(String integration, Path original, String fileName, String text) {}

  /** A change to one spec: the suggestion, or why there is none. */
  record Outcome(Optional<Suggestion> suggestion, List<Diagnostic> notes) {}

  private SpecSuggestions() {}

  /**
   * The tightened spec of every integration the logs speak for and that has unused grants of its
   * own; {@code notes} receives a warning for each spec that cannot be edited safely.
   */
  public static List<Suggestion> of(ResolvedSpecs specs, Usage usage, Diagnostics notes) {
    List<Suggestion> suggestions = new ArrayList<>();
    for (IntegrationUsage integration : usage.integrations()) {
      IntegrationSpec spec = specs.find(integration.name()).map(ResolvedSpec::spec).orElse(null);
      if (spec == null || !integration.evidence().tellsUnused() || integration.unused().isEmpty()) {
        continue;
      }
      Outcome outcome = tighten(spec, integration, usage.window());
      outcome.notes().forEach(notes::add);
      outcome.suggestion().ifPresent(suggestions::add);
    }
    Map<String, Suggestion> names = new HashMap<>();
    for (Suggestion suggestion : suggestions) {
      Suggestion clash = names.putIfAbsent(suggestion.fileName(), suggestion);
      if (clash != null) {
        throw ApionlyException.of(
            ExitCode.BAD_INPUT,
            Location.of(suggestion.original()),
            "the suggestion for "
                + suggestion.integration()
                + " would have the file name of "
                + clash.integration()
                + "'s ("
                + suggestion.fileName()
                + "); accepted: spec files with distinct names");
      }
    }
    suggestions.sort(Comparator.comparing(Suggestion::fileName));
    return suggestions;
  }

  static Outcome tighten(IntegrationSpec spec, IntegrationUsage integration, Usage.Window window) {
    String original;
    try {
      original = Files.readString(spec.file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(spec.file()), "cannot read the spec: " + e.getMessage());
    }
    List<String> lines = new ArrayList<>(List.of(original.split("\n", -1)));
    List<Edit> edits = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> elsewhere = new ArrayList<>();
    int objectsRemoved = 0;
    for (UnusedAccess unused : integration.unused()) {
      Optional<ObjectSpec> own =
          spec.objects().stream()
              .filter(o -> o.object().value().equalsIgnoreCase(unused.object()))
              .findFirst();
      if (own.isEmpty()) {
        elsewhere.add(unused.object() + ": " + String.join(", ", unused.verbKeys()));
        continue;
      }
      ObjectSpec object = own.get();
      Set<ObjectVerb> written = object.access().keySet();
      Set<ObjectVerb> unusedVerbs = EnumSet.noneOf(ObjectVerb.class);
      unusedVerbs.addAll(unused.verbs());
      boolean big = object.object().value().endsWith("__b");
      Set<ObjectVerb> reach = EnumSet.noneOf(ObjectVerb.class);
      for (ObjectVerb verb : written) {
        reach.add(verb);
        reach.addAll(verb.requires(big));
      }
      Set<ObjectVerb> kept = EnumSet.noneOf(ObjectVerb.class);
      kept.addAll(reach);
      kept.removeAll(unusedVerbs);
      // verbs the spec did not write stay unwritten when a kept verb still implies them
      Set<ObjectVerb> implied = EnumSet.noneOf(ObjectVerb.class);
      kept.forEach(v -> implied.addAll(v.requires(big)));
      kept.removeIf(v -> !written.contains(v) && implied.contains(v));
      List<ObjectVerb> ownUnused = unused.verbs().stream().filter(reach::contains).toList();
      List<ObjectVerb> otherUnused =
          unused.verbs().stream().filter(v -> !reach.contains(v)).toList();
      if (!otherUnused.isEmpty()) {
        elsewhere.add(
            object.object().value()
                + ": "
                + String.join(", ", otherUnused.stream().map(ObjectVerb::key).toList()));
      }
      if (unused.whole() || kept.isEmpty() && !written.isEmpty()) {
        Edit edit = removeBlock(lines, object.object());
        if (edit == null) {
          return unsafe(spec, object.object(), integration);
        }
        edits.add(edit);
        objectsRemoved++;
        removed.add(
            object.object().value()
                + ": the whole object ("
                + String.join(", ", unused.verbKeys())
                + (object.readFields().isEmpty()
                        && object.editFields().isEmpty()
                        && object.recordTypes().isEmpty()
                    ? ""
                    : ", with its fields and record types")
                + ")");
      } else if (!ownUnused.isEmpty() && !kept.equals(written)) {
        Edit edit = rewriteAccess(lines, object, kept);
        if (edit == null) {
          return unsafe(spec, object.object(), integration);
        }
        edits.add(edit);
        removed.add(
            object.object().value()
                + ": "
                + String.join(", ", ownUnused.stream().map(ObjectVerb::key).toList()));
      }
    }
    if (edits.isEmpty()) {
      return new Outcome(Optional.empty(), List.of());
    }
    edits.sort(Comparator.comparingInt(Edit::from).reversed());
    for (Edit edit : edits) {
      edit.apply(lines);
    }
    if (objectsRemoved == spec.objects().size() && !emptyObjects(lines)) {
      return unsafe(spec, spec.objects().get(0).object(), integration);
    }
    String text = header(spec, integration, window, removed, elsewhere) + String.join("\n", lines);
    Diagnostics check = new Diagnostics();
    Optional<IntegrationSpec> parsed =
        YamlReader.read(spec.file(), text, check)
            .flatMap(root -> SpecParser.parse(spec.file(), root, check));
    if (parsed.isEmpty() || check.hasErrors()) {
      return unsafe(spec, spec.name(), integration);
    }
    return new Outcome(
        Optional.of(
            new Suggestion(
                integration.name(), spec.file(), spec.file().getFileName().toString(), text)),
        List.of());
  }

  private static Outcome unsafe(IntegrationSpec spec, Ref at, IntegrationUsage integration) {
    return new Outcome(
        Optional.empty(),
        List.of(
            Diagnostic.warning(
                at.location(),
                "no tightened spec for "
                    + integration.name()
                    + ": its objects are written in a form apionly does not edit (a flow"
                    + " mapping on one line); remove the unused grants the report lists by"
                    + " hand")));
  }

  private static String header(
      IntegrationSpec spec,
      IntegrationUsage integration,
      Usage.Window window,
      List<String> removed,
      List<String> elsewhere) {
    StringBuilder out = new StringBuilder();
    out.append("# Tightened by apionly usage from the Event Monitoring logs of ")
        .append(window.from())
        .append(" to ")
        .append(window.to())
        .append(":\n# ")
        .append(integration.calls())
        .append(" API calls by ")
        .append(integration.username())
        .append(" in that window used none of these grants, so they are removed:\n");
    removed.forEach(r -> out.append("#   ").append(r).append('\n'));
    if (!elsewhere.isEmpty()) {
      out.append("# Also unused, but granted by an included permission set (tighten its spec):\n");
      elsewhere.forEach(r -> out.append("#   ").append(r).append('\n'));
    }
    out.append("# Original: ")
        .append(dev.apionly.diagnostic.Paths.display(spec.file()))
        .append(". Review the change (apionly review) before it replaces the original.\n");
    return out.toString();
  }

  /** Whether an {@code objects:} left with no entry can be written as an empty mapping. */
  private static boolean emptyObjects(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String code = line.contains(" #") ? line.substring(0, line.indexOf(" #")) : line;
      if (code.stripTrailing().equals("objects:")) {
        lines.set(i, "objects: {}" + line.substring(code.stripTrailing().length()));
        return true;
      }
    }
    return false;
  }

  /** One change to the spec's lines, applied from the bottom up so earlier lines stay put. */
  interface Edit {
    int from();

    void apply(List<String> lines);
  }

  /** Lines {@code from} to {@code to} (0-based, inclusive) replaced by {@code replacement}. */
  record Replace(int from, int to, List<String> replacement) implements Edit {
    @Override
    public void apply(List<String> lines) {
      for (int i = to; i >= from; i--) {
        lines.remove(i);
      }
      lines.addAll(from, replacement);
    }
  }

  /**
   * The lines of one object's entry: its key line and every deeper-indented line after it (blank
   * lines and comments inside it too). Null when the key is not the first thing on its line.
   */
  static Edit removeBlock(List<String> lines, Ref key) {
    int at = key.location().line() - 1;
    if (at < 0 || at >= lines.size()) {
      return null;
    }
    String line = lines.get(at);
    int indent = indent(line);
    if (key.location().column() - 1 != indent && !quotedAt(line, indent)) {
      return null;
    }
    int last = at;
    for (int i = at + 1; i < lines.size(); i++) {
      String next = lines.get(i);
      if (next.isBlank() || next.strip().startsWith("#")) {
        continue;
      }
      if (indent(next) > indent) {
        last = i;
      } else {
        break;
      }
    }
    return new Replace(at, last, List.of());
  }

  private static boolean quotedAt(String line, int indent) {
    return indent < line.length() && (line.charAt(indent) == '"' || line.charAt(indent) == '\'');
  }

  /**
   * The {@code access} value with only {@code kept}: a scalar or a flow list is rewritten in place
   * (a comment after it stays); a block list gets one item per kept verb. Null for any other
   * layout.
   */
  static Edit rewriteAccess(List<String> lines, ObjectSpec object, Set<ObjectVerb> kept) {
    List<Ref> refs =
        object.access().values().stream()
            .sorted(
                Comparator.comparingInt((Ref r) -> r.location().line())
                    .thenComparingInt(r -> r.location().column()))
            .toList();
    List<String> keys = kept.stream().map(ObjectVerb::key).toList();
    Ref first = refs.get(0);
    Ref last = refs.get(refs.size() - 1);
    int row = first.location().line() - 1;
    String line = lines.get(row);
    int start = first.location().column() - 1;
    String before = line.substring(0, start).stripTrailing();
    if (first.location().line() == last.location().line() && before.endsWith("[")) {
      int open = before.length() - 1;
      int close = line.indexOf(']', last.location().column() - 1);
      if (close < 0) {
        return null;
      }
      String value = "[" + String.join(", ", keys) + "]";
      return new Replace(
          row, row, List.of(line.substring(0, open) + value + line.substring(close + 1)));
    }
    if (refs.size() == 1 && before.endsWith(":")) {
      int end = start + tokenLength(line, start, first.value());
      String value = keys.size() == 1 ? keys.get(0) : "[" + String.join(", ", keys) + "]";
      return new Replace(row, row, List.of(line.substring(0, start) + value + line.substring(end)));
    }
    if (before.endsWith("-") && before.strip().equals("-")) {
      int lastRow = last.location().line() - 1;
      for (int i = row; i <= lastRow; i++) {
        String item = lines.get(i).strip();
        if (!item.startsWith("-") && !item.isEmpty() && !item.startsWith("#")) {
          return null;
        }
      }
      String prefix = line.substring(0, start);
      List<String> items = keys.stream().map(k -> prefix + k).toList();
      return new Replace(row, lastRow, items);
    }
    return null;
  }

  private static int tokenLength(String line, int start, String value) {
    if (start < line.length() && (line.charAt(start) == '"' || line.charAt(start) == '\'')) {
      return value.length() + 2;
    }
    return value.length();
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /**
   * Writes every suggestion into {@code directory}, never over a file: an existing one stops the
   * run before anything is written. Each file is staged beside its target and moved in.
   */
  public static void write(List<Suggestion> suggestions, Path directory) {
    Diagnostics problems = new Diagnostics();
    for (Suggestion suggestion : suggestions) {
      Path target = directory.resolve(suggestion.fileName());
      if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        problems.error(
            Location.of(target),
            "a file is already here; apionly usage never writes over a file (nor over the"
                + " original specs); accepted: a --suggest directory without "
                + suggestion.fileName());
      }
    }
    problems.throwIfErrors(ExitCode.BAD_INPUT);
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(directory);
      for (Suggestion suggestion : suggestions) {
        Path target = directory.resolve(suggestion.fileName());
        AtomicFile.create(target, suggestion.text().getBytes(StandardCharsets.UTF_8));
        written.add(target);
      }
    } catch (IOException | RuntimeException e) {
      for (Path path : written) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException ignored) {
          // the first failure is the one to report
        }
      }
      if (e instanceof ApionlyException failure) {
        throw failure;
      }
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(directory),
          "cannot write the suggestions: " + e.getMessage());
    }
  }
}
