package dev.apionly.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.json.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An org's schema as saved by {@code sf sobject describe --sobject X --json}, one file per object:
 * its fields with the flags that decide field-level security, its record types, and what the user
 * who ran the describe may do with its records.
 */
public record OrgSchema(Path directory, Map<String, SObject> objects) {

  /** Largest describe read; the biggest standard objects describe to a few megabytes. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  public OrgSchema {
    TreeMap<String, SObject> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(objects);
    objects = Collections.unmodifiableMap(byName);
  }

  /**
   * One object. The verb flags are null when the describe does not say; otherwise false means the
   * user who ran the describe cannot do that with the object's records.
   */
  public record SObject(
      String name,
      Path file,
      Map<String, Field> fields,
      List<String> recordTypes,
      Boolean queryable,
      Boolean createable,
      Boolean updateable,
      Boolean deletable) {

    public SObject {
      TreeMap<String, Field> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      byName.putAll(fields);
      fields = Collections.unmodifiableMap(byName);
      recordTypes = List.copyOf(recordTypes);
    }
  }

  /** One field, with the describe flags that decide whether it can carry field permissions. */
  public record Field(
      String name,
      String type,
      boolean permissionable,
      boolean createable,
      boolean updateable,
      boolean nillable,
      boolean defaultedOnCreate,
      boolean calculated) {

    /** Required on create: Salesforce refuses field permissions on such a field. */
    public boolean required() {
      return createable && !nillable && !defaultedOnCreate;
    }
  }

  /** The object named {@code name}, compared as Salesforce does, without regard to case. */
  public Optional<SObject> object(String name) {
    return Optional.ofNullable(objects.get(name));
  }

  /**
   * Every {@code *.json} describe below {@code directory}. A file holding an {@code sf} error (an
   * object the org does not have) is skipped with a warning; a file that is not JSON is an error.
   */
  public static OrgSchema read(Path directory, Diagnostics diagnostics) {
    if (!Files.isDirectory(directory)) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(directory),
          "no such directory; --org-schema takes a directory of 'sf sobject describe --json'"
              + " outputs, one file per object");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".json"))
              .sorted()
              .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(directory), "cannot list directory: " + e.getMessage());
    }
    Map<String, SObject> objects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Path file : files) {
      describe(file, diagnostics)
          .ifPresent(
              object -> {
                SObject first = objects.putIfAbsent(object.name(), object);
                if (first != null) {
                  diagnostics.warning(
                      Location.of(file),
                      "describes "
                          + object.name()
                          + " again (first in "
                          + first.file().getFileName()
                          + "); this one is ignored");
                }
              });
    }
    if (objects.isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.error(
          Location.of(directory),
          "no describe in this directory; save one 'sf sobject describe --sobject NAME --json'"
              + " output per object as NAME.json");
    }
    return new OrgSchema(directory, objects);
  }

  private static Optional<SObject> describe(Path file, Diagnostics diagnostics) {
    JsonNode root;
    try {
      if (Files.size(file) > MAX_BYTES) {
        diagnostics.error(
            Location.of(file),
            "file is " + Files.size(file) + " bytes; at most " + MAX_BYTES + " are read");
        return Optional.empty();
      }
      root = JsonTree.read(file);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      diagnostics.error(
          at == null
              ? Location.of(file)
              : new Location(file, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0)),
          "not JSON: " + e.getOriginalMessage());
      return Optional.empty();
    } catch (IOException e) {
      diagnostics.error(Location.of(file), "cannot read file: " + e.getMessage());
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      diagnostics.error(Location.of(file), "not a describe: expected a JSON object");
      return Optional.empty();
    }
    if (root.has("status") && root.path("status").asInt(0) != 0) {
      diagnostics.warning(
          Location.of(file),
          "holds an sf error, not a describe ("
              + root.path("name").asText("error")
              + ": "
              + root.path("message").asText("no message")
              + "); skipped");
      return Optional.empty();
    }
    JsonNode describe = root.has("result") ? root.get("result") : root;
    if (!describe.path("name").isTextual() || !describe.path("fields").isArray()) {
      diagnostics.error(
          Location.of(file),
          "not a describe: expected the output of 'sf sobject describe --sobject NAME --json',"
              + " with result.name and result.fields");
      return Optional.empty();
    }
    Map<String, Field> fields = new TreeMap<>();
    for (JsonNode field : describe.get("fields")) {
      String name = field.path("name").asText("");
      if (!name.isEmpty()) {
        fields.put(
            name,
            new Field(
                name,
                field.path("type").asText(""),
                field.path("permissionable").asBoolean(false),
                field.path("createable").asBoolean(false),
                field.path("updateable").asBoolean(false),
                field.path("nillable").asBoolean(true),
                field.path("defaultedOnCreate").asBoolean(false),
                field.path("calculated").asBoolean(false)));
      }
    }
    List<String> recordTypes = new ArrayList<>();
    for (JsonNode recordType : describe.path("recordTypeInfos")) {
      String developerName = recordType.path("developerName").asText("");
      if (!developerName.isEmpty()) {
        recordTypes.add(developerName);
      }
    }
    return Optional.of(
        new SObject(
            describe.get("name").asText(),
            file,
            fields,
            recordTypes,
            flag(describe, "queryable"),
            flag(describe, "createable"),
            flag(describe, "updateable"),
            flag(describe, "deletable")));
  }

  private static Boolean flag(JsonNode describe, String name) {
    JsonNode value = describe.get(name);
    return value == null || !value.isBoolean() ? null : value.asBoolean();
  }
}
