package dev.apionly.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An org's objects as {@code sf sobject describe --sobject X --json} printed them, one file per
 * object in a directory: fields with their flags, active record types, and what the describing user
 * may do with the object.
 */
public record OrgSchema(Map<String, SObject> objects) {

  /** One described object. */
  public record SObject(
      String name,
      Map<String, Field> fields,
      Set<String> recordTypes,
      boolean queryable,
      boolean createable,
      boolean updateable,
      boolean deletable,
      Path file) {}

  /** One field's flags that decide whether field-level security can be set on it. */
  public record Field(
      String name,
      boolean permissionable,
      boolean createable,
      boolean nillable,
      boolean defaultedOnCreate) {

    /** Salesforce makes a required field readable and editable for everyone: no FLS on it. */
    public boolean required() {
      return createable && !nillable && !defaultedOnCreate;
    }
  }

  /** Reads every {@code *.json} in {@code directory}; problems go to {@code diagnostics}. */
  public static OrgSchema read(Path directory, Diagnostics diagnostics) {
    Map<String, SObject> objects = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      diagnostics.error(
          Location.of(directory),
          "no such directory; --org-schema takes a directory of describe JSON files");
      return new OrgSchema(objects);
    }
    ObjectMapper mapper = new ObjectMapper();
    try (Stream<Path> list = Files.list(directory)) {
      for (Path file : list.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        try {
          JsonNode root = mapper.readTree(Files.readString(file));
          JsonNode result = root.has("result") ? root.get("result") : root;
          String name = result.path("name").asText("");
          if (name.isEmpty() || !result.path("fields").isArray()) {
            diagnostics.error(
                Location.of(file),
                "not the output of 'sf sobject describe --json': no result.name and result.fields");
            continue;
          }
          Map<String, Field> fields = new TreeMap<>();
          for (JsonNode field : result.get("fields")) {
            String fieldName = field.path("name").asText();
            fields.put(
                fieldName,
                new Field(
                    fieldName,
                    field.path("permissionable").asBoolean(false),
                    field.path("createable").asBoolean(false),
                    field.path("nillable").asBoolean(true),
                    field.path("defaultedOnCreate").asBoolean(false)));
          }
          Set<String> recordTypes = new TreeSet<>();
          for (JsonNode recordType : result.path("recordTypeInfos")) {
            if (recordType.path("active").asBoolean(true)
                && recordType.hasNonNull("developerName")) {
              recordTypes.add(recordType.get("developerName").asText());
            }
          }
          objects.put(
              name,
              new SObject(
                  name,
                  fields,
                  recordTypes,
                  result.path("queryable").asBoolean(true),
                  result.path("createable").asBoolean(true),
                  result.path("updateable").asBoolean(true),
                  result.path("deletable").asBoolean(true),
                  file));
        } catch (JsonProcessingException e) {
          int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
          int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
          diagnostics.error(
              new Location(file, Math.max(line, 0), Math.max(column, 0)),
              "not valid JSON: " + e.getOriginalMessage());
        }
      }
    } catch (IOException e) {
      diagnostics.error(Location.of(directory), "cannot read: " + e.getMessage());
    }
    if (objects.isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.error(Location.of(directory), "no describe JSON files (*.json) here");
    }
    return new OrgSchema(objects);
  }
}
