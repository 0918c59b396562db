package dev.apionly.generate;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Paths;
import dev.apionly.metadata.MetadataXml;
import dev.apionly.model.Component;
import dev.apionly.model.Integration;
import dev.apionly.model.MetadataType;
import dev.apionly.model.Salesforce;
import dev.apionly.policy.Finding;
import dev.apionly.policy.Linter;
import dev.apionly.render.IntegrationRenderer;
import dev.apionly.render.OutputLayout;
import dev.apionly.render.RenderedFile;
import dev.apionly.render.TemplateException;
import dev.apionly.render.TemplateRenderer;
import dev.apionly.render.UsernameReplacement;
import dev.apionly.render.Vars;
import dev.apionly.render.VelocityRenderer;
import dev.apionly.resolve.ResolvedSpec;
import dev.apionly.resolve.ResolvedSpecs;
import dev.apionly.spec.Environments;
import dev.apionly.validate.ProjectSource;
import dev.apionly.validate.SourceCheck;
import dev.apionly.workspace.Workspace;
import dev.apionly.write.EditedFile;
import dev.apionly.write.OutputFile;
import dev.apionly.write.Owner;
import dev.apionly.write.Plan;
import dev.apionly.write.ProjectFile;
import dev.apionly.write.ProjectLock;
import dev.apionly.write.ProjectWriter;
import dev.apionly.write.SfdxProject;
import dev.apionly.write.SfdxReplacements;
import dev.apionly.write.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The whole generate pipeline: load → resolve → check → model → render → verify → write. Each stage
 * collects its problems and stops the run at its end; nothing is written unless every stage passed.
 */
public final class Generator {

  /**
   * What to generate, from where, into which project. {@code deletionsDeployed}: the deletions
   * listed in {@code manifest/destructiveChanges.xml} have reached the org and can be forgotten.
   */
  public record Request(
      List<Path> inputs,
      Path out,
      Path templates,
      Path workingDirectory,
      boolean deletionsDeployed) {
    public Request {
      inputs = List.copyOf(inputs);
    }

    public Request(List<Path> inputs, Path out, Path templates, Path workingDirectory) {
      this(inputs, out, templates, workingDirectory, false);
    }
  }

  /** What a run found and decided: the integrations, the plan, and the warnings and notes. */
  public record Result(
      SfdxProject project,
      List<Integration> integrations,
      Plan plan,
      List<Diagnostic> diagnostics) {}

  private Generator() {}

  /** Everything a run decides before it looks at the project's files. */
  private record Rendered(
      Request request,
      SfdxProject project,
      ResolvedSpecs specs,
      IntegrationRenderer renderer,
      List<OutputFile> files,
      List<UsernameReplacement> replacements,
      Diagnostics diagnostics,
      Diagnostics verification) {}

  /** Runs the pipeline up to the plan; writes nothing. */
  public static Result plan(Request request) {
    Rendered rendered = render(request);
    ProjectWriter.checkNothingPending(rendered.project().root());
    return plan(rendered);
  }

  /**
   * Runs the pipeline and writes the plan, all or nothing, holding the project's lock from the
   * reading of the state file to the last write, after finishing or undoing any interrupted run.
   */
  public static Result generate(Request request) {
    Rendered rendered = render(request);
    Path root = rendered.project().root();
    try (ProjectLock lock = ProjectLock.acquire(root)) {
      ProjectWriter.recover(root, rendered.renderer().layout().generatedPaths())
          .ifPresent(rendered.diagnostics()::add);
      Result result = plan(rendered);
      try {
        ProjectWriter.apply(result.plan());
      } catch (IOException | UncheckedIOException e) {
        throw ApionlyException.of(
            ExitCode.BAD_INPUT,
            Location.of(root),
            "could not write the project, nothing was changed: " + e.getMessage());
      }
      return result;
    }
  }

  /** Load, resolve, check, render and verify: nothing here reads the project's files. */
  private static Rendered render(Request request) {
    // the XML reader and the templates take a while to load: they load on another core while
    // the project and the specs are read, and are ready (or nearly) when rendering needs them
    CompletableFuture<TemplateRenderer> templates =
        beside(
            "templates",
            () -> {
              TemplateRenderer renderer = templates(request.templates());
              Vars.PRELOADED.forEach(renderer::prepare);
              MetadataXml.prepare();
              return renderer;
            });
    Diagnostics diagnostics = new Diagnostics();
    SfdxProject project = SfdxProject.locate(request.out(), request.workingDirectory());
    // the package directories are walked while the specs load: neither needs the other
    CompletableFuture<ProjectSource> source =
        beside("source", () -> ProjectSource.read(project.packageDirectoryPaths()));
    Workspace workspace =
        Workspace.load(Optional.of(project), request.inputs(), project.root(), diagnostics);
    SourceCheck.check(
        workspace.loaded(),
        ready(source),
        project.namespace(),
        diagnostics,
        SourceCheck.Strictness.WARNINGS);
    ResolvedSpecs specs = workspace.specs();
    // lint runs beside rendering, which does not depend on it; its errors still come first: the
    // checks run before any error of rendering is thrown, and before the rendered files are used
    CompletableFuture<List<Finding>> lint =
        beside("lint", () -> Linter.lint(specs, false, workspace.repository()));
    Runnable checks =
        () -> {
          check(ready(lint), diagnostics);
          checkApiVersion(project, specs);
        };
    Rendered rendered;
    try {
      rendered = render(request, project, specs, templates, diagnostics);
    } catch (RuntimeException | Error e) {
      checks.run();
      throw e;
    }
    checks.run();
    rendered.verification().throwIfErrors(ExitCode.BAD_INPUT);
    return rendered;
  }

  /**
   * Renders and verifies every integration; the verification's errors are the caller's to throw.
   */
  private static Rendered render(
      Request request,
      SfdxProject project,
      ResolvedSpecs specs,
      CompletableFuture<TemplateRenderer> templates,
      Diagnostics diagnostics) {
    IntegrationRenderer renderer =
        new IntegrationRenderer(
            ready(templates),
            new OutputLayout(
                project.packageDirectory(), project.apiVersion(), project.settings().manifest()));

    // integrations render and verify independently: on every core, results kept in name order
    Diagnostics verification = new Diagnostics();
    Map<TemplateFailure, Path> templateErrors = new ConcurrentHashMap<>();
    List<UsernameReplacement> replacements =
        java.util.Collections.synchronizedList(new ArrayList<>());
    List<OutputFile> desired =
        new ArrayList<>(
            specs.all().parallelStream()
                .flatMap(
                    resolved -> {
                      Integration integration = resolved.integration();
                      Path specFile = resolved.spec().file();
                      List<RenderedFile> own;
                      List<RenderedFile> values;
                      try {
                        own = renderer.render(integration);
                        values = renderer.environmentValues(integration, own, replacements);
                      } catch (TemplateException e) {
                        // one template fails for many specs at once, on whichever core comes
                        // first: each failure is named once, with the first of them by file
                        for (TemplateException failure : e.all()) {
                          templateErrors.merge(
                              TemplateFailure.of(request.templates(), failure),
                              specFile,
                              (a, b) -> a.compareTo(b) <= 0 ? a : b);
                        }
                        return Stream.empty();
                      }
                      List<RenderedFile> files = new ArrayList<>(own);
                      files.addAll(values);
                      int rendered = own.size();
                      // each rendered file verified and each file hashed as a task of its own:
                      // one integration alone still fills every core
                      Owner owner = new Owner(integration.name(), integration.specFile());
                      OutputFile[] out = new OutputFile[files.size()];
                      IntStream.range(0, rendered + files.size())
                          .parallel()
                          .forEach(
                              task -> {
                                if (task < rendered) {
                                  verify(
                                      integration,
                                      specFile,
                                      files.get(task),
                                      request,
                                      verification);
                                } else {
                                  RenderedFile file = files.get(task - rendered);
                                  out[task - rendered] =
                                      new OutputFile(file.path(), owner, file.bytes());
                                }
                              });
                      return Arrays.stream(out);
                    })
                .toList());
    Diagnostics failed = new Diagnostics();
    templateErrors.forEach(
        (failure, spec) ->
            failed.error(
                failure.at(),
                failure.message() + " (first met rendering " + Paths.display(spec) + ")"));
    failed.throwIfErrors(ExitCode.BAD_INPUT);
    List<UsernameReplacement> ordered =
        replacements.stream()
            .sorted(
                java.util.Comparator.comparing(UsernameReplacement::valueFile)
                    .thenComparing(UsernameReplacement::filename))
            .toList();
    return new Rendered(
        request, project, specs, renderer, desired, ordered, diagnostics, verification);
  }

  /** The plan of a rendered run against the project as it is now. */
  private static Result plan(Rendered rendered) {
    Request request = rendered.request();
    SfdxProject project = rendered.project();
    ResolvedSpecs specs = rendered.specs();
    IntegrationRenderer renderer = rendered.renderer();
    Diagnostics diagnostics = rendered.diagnostics();
    List<OutputFile> desired = new ArrayList<>(rendered.files());
    Map<String, StateFile.Entry> previous =
        readState(project.root(), renderer.layout().generatedPaths());

    desired.addAll(kept(project.root(), previous, specs, request.inputs()));
    List<String> paths = desired.stream().map(OutputFile::path).toList();
    String manifestPath = manifestPath(project, renderer.layout(), previous, diagnostics);
    // every component among the files, once: rendered into the manifest and checked against it
    List<Component> listed = new ArrayList<>();
    paths.forEach(path -> MetadataType.ofPath(path).ifPresent(listed::add));
    RenderedFile manifest;
    try {
      manifest = renderer.manifest(manifestPath, listed);
    } catch (TemplateException e) {
      throw templateError(request.templates(), e);
    }
    verifyManifest(request, manifest, listed);
    desired.add(OutputFile.shared(manifest.path(), manifest.bytes()));
    SortedSet<Component> deletions =
        Deletions.pending(
            project.root(),
            OutputLayout.destructiveBeside(manifestPath),
            previous,
            paths,
            request.deletionsDeployed());
    if (!deletions.isEmpty()) {
      RenderedFile destructive;
      try {
        destructive =
            renderer.destructiveManifest(OutputLayout.destructiveBeside(manifestPath), deletions);
      } catch (TemplateException e) {
        throw templateError(request.templates(), e);
      }
      verifyManifest(request, destructive, deletions);
      desired.add(OutputFile.shared(destructive.path(), destructive.bytes()));
    }
    Diagnostics refused = new Diagnostics();
    Map<String, StateFile.Entry> owned = new HashMap<>(previous);
    owned.putAll(Adoption.adopt(project.root(), previous, desired, diagnostics, refused));
    refused.throwIfErrors(ExitCode.BAD_INPUT);
    List<EditedFile> edits =
        replacementsEdit(project, renderer.layout(), desired, rendered.replacements());
    try {
      Plan plan = ProjectWriter.plan(project.root(), owned, desired, edits);
      return new Result(project, specs.integrations(), plan, diagnostics.sorted());
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(project.root()),
          "cannot read the project: " + e.getMessage());
    }
  }

  /**
   * Where apionly's manifest goes: where the project's settings say; else {@code
   * manifest/package.xml}, unless that file is the user's (there and not apionly's), in which case
   * apionly leaves it alone and writes {@code manifest/apionly-package.xml}, and says so.
   */
  private static String manifestPath(
      SfdxProject project,
      OutputLayout layout,
      Map<String, StateFile.Entry> previous,
      Diagnostics diagnostics) {
    if (layout.configuredManifest() != null
        || previous.containsKey(OutputLayout.DEFAULT_MANIFEST)) {
      return layout.manifest();
    }
    Path users = project.root().resolve(OutputLayout.DEFAULT_MANIFEST);
    if (!Files.exists(users, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return OutputLayout.DEFAULT_MANIFEST;
    }
    diagnostics.add(
        Diagnostic.note(
                Location.of(users),
                "is yours, and apionly leaves it alone: its own manifest is "
                    + OutputLayout.ALTERNATIVE_MANIFEST
                    + " (set plugins.apionly.manifest in sfdx-project.json to choose another)")
            .withoutSource());
    return OutputLayout.ALTERNATIVE_MANIFEST;
  }

  /**
   * The edit of {@code sfdx-project.json} that makes its {@code replacements} hold exactly
   * apionly's entries for {@code desired}: one per environment and generated file naming a
   * production username, so that {@code APIONLY_ENV=NAME sf project deploy start} deploys that
   * environment's usernames. Entries of integrations this run kept (not loaded) stay as they are.
   * Refuses (exit 2) an entry of the user's that reaches a generated file. Empty when the file
   * needs no change.
   */
  private static List<EditedFile> replacementsEdit(
      SfdxProject project,
      OutputLayout layout,
      List<OutputFile> desired,
      List<UsernameReplacement> replacements) {
    Path file = project.root().resolve(SfdxProject.FILE_NAME);
    byte[] before;
    try {
      // through the lock's own channel: reopening the file would drop the lock held on it
      before = ProjectFile.read(project.root());
      if (before == null) {
        throw new IOException("not a regular file");
      }
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(file), "cannot read: " + e.getMessage());
    }
    SfdxReplacements current =
        SfdxReplacements.parse(file, new String(before, StandardCharsets.UTF_8));
    Set<String> paths = new HashSet<>();
    desired.forEach(f -> paths.add(f.path()));
    Diagnostics clashes = new Diagnostics();
    current.checkNoClash(
        paths.stream()
            .filter(p -> p.startsWith(project.packageDirectory() + "/"))
            .sorted()
            .toList(),
        clashes);
    clashes.throwIfErrors(ExitCode.BAD_INPUT);

    Set<String> renderedValues = new HashSet<>();
    List<SfdxReplacements.Entry> wanted = new ArrayList<>();
    for (UsernameReplacement replacement : replacements) {
      renderedValues.add(replacement.valueFile());
      wanted.add(
          new SfdxReplacements.Entry(
              replacement.filename(),
              replacement.productionUsername(),
              replacement.valueFile(),
              Environments.VARIABLE,
              replacement.environment()));
    }
    Map<String, String> owners = new HashMap<>();
    desired.forEach(f -> f.owner().ifPresent(o -> owners.put(f.path(), o.integration())));
    for (SfdxReplacements.Entry entry : current.ours()) {
      // an integration outside this run keeps its files, and so its entries: only as apionly
      // writes them, its value into its own file, or an entry dressed as apionly's could give one
      // integration's access to another's user
      String integration = owners.get(entry.replaceWithFile());
      if (integration != null
          && !renderedValues.contains(entry.replaceWithFile())
          && integration.equals(owners.get(entry.filename()))
          && entry.variable().equals(Environments.VARIABLE)
          && entry
              .replaceWithFile()
              .equals(layout.environmentValue(entry.environment(), integration))) {
        wanted.add(entry);
      }
    }
    byte[] after = current.withOurs(wanted).getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.equals(before, after)
        ? List.of()
        : List.of(new EditedFile(SfdxProject.FILE_NAME, before, after));
  }

  /**
   * The check stage: findings at error level stop the run (exit 1) with every warning beside them;
   * warnings alone are reported and the run goes on. Notes (implied grants) are lint's to show.
   */
  private static void check(List<Finding> findings, Diagnostics diagnostics) {
    Diagnostics policy = new Diagnostics();
    findings.stream()
        .filter(f -> f.level() != dev.apionly.diagnostic.Severity.NOTE)
        .map(Finding::diagnostic)
        .forEach(policy::add);
    policy.throwIfErrors(ExitCode.FINDINGS);
    policy.sorted().forEach(diagnostics::add);
  }

  /**
   * Stops the run (exit 2) when the manifest {@code file} does not list exactly {@code components},
   * naming the manifest template: no spec is the source of a manifest.
   */
  private static void verifyManifest(
      Request request, RenderedFile file, Collection<Component> components) {
    Diagnostics problems = new Diagnostics();
    Path template =
        (request.templates() == null ? Path.of("templates") : request.templates())
            .resolve(Vars.PACKAGE_MANIFEST);
    for (String problem : Verifier.verifyManifest(file, components)) {
      problems.error(
          Location.of(template),
          "rendered manifest does not match the run: "
              + problem
              + (request.templates() != null ? " (check the templates in --templates)" : ""));
    }
    problems.throwIfErrors(ExitCode.BAD_INPUT);
  }

  /** Verifies {@code file} against {@code integration}, its problems errors of its spec. */
  private static void verify(
      Integration integration,
      Path specFile,
      RenderedFile file,
      Request request,
      Diagnostics verification) {
    boolean theirs = request.templates() != null;
    for (String problem : Verifier.verify(integration, file, theirs)) {
      verification.error(
          Location.of(specFile),
          "rendered output does not match the spec: "
              + problem
              + (theirs ? " (check the templates in --templates)" : ""));
    }
  }

  /**
   * Whether the common pool has threads of its own. With none ({@code
   * java.util.concurrent.ForkJoinPool.common.parallelism=0}, which the JDK reads as written and
   * clamps at 0), parallel streams run on the threads that start them, and two threads' streams at
   * once (lint's and rendering's) can wait on each other for ever.
   */
  private static final boolean POOL_HAS_WORKERS = poolHasWorkers();

  private static boolean poolHasWorkers() {
    String configured = System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism");
    try {
      return configured == null || Integer.parseInt(configured) > 0;
    } catch (NumberFormatException e) {
      return true; // the JDK ignores it then
    }
  }

  /**
   * {@code task} started on a daemon thread of its own: not the common pool, whose one worker on a
   * two-core machine the parallel streams of rendering need. Run here and now, its result or
   * exception kept the same way, when the pool has no worker of its own (see above).
   */
  private static <T> CompletableFuture<T> beside(String name, Supplier<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable run =
        () -> {
          try {
            result.complete(task.get());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        };
    if (!POOL_HAS_WORKERS) {
      run.run();
      return result;
    }
    Thread thread = new Thread(run, "apionly-" + name);
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  /** The result of a start-up task, its own exception (a template error, say) rethrown as is. */
  private static <T> T ready(CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static TemplateRenderer templates(Path directory) {
    try {
      return directory == null
          ? VelocityRenderer.builtIn()
          : VelocityRenderer.fromDirectory(directory);
    } catch (TemplateException e) {
      throw templateError(directory, e);
    }
  }

  private static ApionlyException templateError(Path directory, TemplateException e) {
    TemplateFailure failure = TemplateFailure.of(directory, e);
    return ApionlyException.of(ExitCode.BAD_INPUT, failure.at(), failure.message());
  }

  /**
   * A template's failure where it is: in the template, at its line and column when known; the
   * directory when no one template is at fault.
   */
  private record TemplateFailure(Location at, String message) {
    static TemplateFailure of(Path directory, TemplateException e) {
      Path folder = directory == null ? Path.of("templates") : directory;
      Location at =
          e.template()
              .map(name -> new Location(folder.resolve(name), e.line(), e.column()))
              .orElse(Location.of(folder));
      return new TemplateFailure(at, e.getMessage());
    }
  }

  private static void checkApiVersion(SfdxProject project, ResolvedSpecs specs) {
    Diagnostics problems = new Diagnostics();
    for (ResolvedSpec loaded : specs.all()) {
      if (loaded.spec().oauth() != null
          && project.apiMajor() < Salesforce.EXTERNAL_CLIENT_APP_OAUTH_MIN_API) {
        problems.error(
            loaded.spec().oauth().location(),
            "'oauth' needs External Client App OAuth flows, available from API "
                + Salesforce.EXTERNAL_CLIENT_APP_OAUTH_MIN_API
                + ".0; the project's sourceApiVersion is "
                + project.apiVersion());
      }
      if (loaded.spec().user() != null
          && project.apiMajor() < Salesforce.USER_ACCESS_POLICY_MIN_API) {
        problems.error(
            loaded.spec().user().location(),
            "'user' needs a UserAccessPolicy, available from API "
                + Salesforce.USER_ACCESS_POLICY_MIN_API
                + ".0; the project's sourceApiVersion is "
                + project.apiVersion()
                + " (set it to "
                + Salesforce.USER_ACCESS_POLICY_MIN_API
                + ".0 or later in sfdx-project.json)");
      }
    }
    problems.throwIfErrors(ExitCode.BAD_INPUT);
  }

  private static Map<String, StateFile.Entry> readState(Path root, Pattern generated) {
    try {
      return StateFile.read(root, generated);
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(root.resolve(StateFile.PATH)),
          "cannot read: " + e.getMessage());
    }
  }

  /**
   * Files of integrations this run did not load but whose spec still exists outside the inputs:
   * kept as they are, so generating one directory never removes another's output.
   */
  private static List<OutputFile> kept(
      Path root, Map<String, StateFile.Entry> previous, ResolvedSpecs specs, List<Path> inputs) {
    // Salesforce names Sales_Sync and sales_sync one component: a loaded spec of either spelling
    // takes the place of the other's files
    Set<String> loadedNames = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    specs.all().forEach(s -> loadedNames.add(s.name()));
    Set<Path> loadedFiles = new HashSet<>();
    specs.all().forEach(s -> loadedFiles.add(s.spec().file().toAbsolutePath().normalize()));
    List<Path> scanned = inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    List<OutputFile> out = new ArrayList<>();
    for (StateFile.Entry entry : previous.values()) {
      Optional<Owner> owner = entry.owner();
      if (owner.isEmpty() || loadedNames.contains(owner.get().integration())) {
        continue;
      }
      Path spec = root.resolve(owner.get().spec()).normalize();
      boolean inScope = loadedFiles.contains(spec) || scanned.stream().anyMatch(spec::startsWith);
      if (inScope || !Files.isRegularFile(spec)) {
        continue; // the spec is gone or now defines something else: its files go
      }
      Path file = root.resolve(entry.path());
      try {
        // an edited file is not kept: the plan then reports the edit instead of adopting it
        byte[] bytes = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        if (bytes != null && StateFile.sha256(bytes).equals(entry.sha256())) {
          out.add(new OutputFile(entry.path(), owner, bytes, entry.sha256()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
