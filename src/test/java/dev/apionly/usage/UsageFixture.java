package dev.apionly.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Specs, a user map and log files made for the usage tests, and a way to run the command. */
abstract class UsageFixture {

  static final String ERP = EventLogs.userId(1);
  static final String WAREHOUSE = EventLogs.userId(2);
  static final String PERSON = EventLogs.userId(7);

  @TempDir Path dir;
  Path specs;
  Path logs;
  Path users;

  @BeforeEach
  void setUp() {
    specs = dir.resolve("specs");
    logs = dir.resolve("logs");
    users = dir.resolve("users.csv");
    TestFiles.write(
        specs.resolve("erp.yaml"),
        """
        name: ERP_Sync
        owner: erp-team@acme.example
        user:
          username: erp-sync@acme.example.integration
          email: erp-team@acme.example
        objects:
          Account:
            access: read
            fields:
              read: [Name]
          Order:
            access: [create, edit]            # read is implied
          Invoice__c:
            access:
              - read
              - create
          Product2: {access: read}
        """);
    TestFiles.write(
        specs.resolve("warehouse.yaml"),
        """
        name: Warehouse_Extract
        owner: data@acme.example
        user:
          username: Warehouse@acme.example.integration
          email: data@acme.example
        objects:
          Case:
            access: read
        """);
    TestFiles.write(
        specs.resolve("nouser.yaml"),
        """
        name: No_User
        owner: x@acme.example
        objects:
          Lead:
            access: read
        """);
    // the map has 18-character ids; a username in another case still matches
    TestFiles.write(
        users,
        "\"Id\",\"Username\"\n"
            + "\""
            + ERP
            + "\",\"erp-sync@acme.example.integration\"\n"
            + "\""
            + WAREHOUSE
            + "\",\"warehouse@acme.example.integration\"\n"
            + "\""
            + PERSON
            + "\",\"someone@acme.example\"\n");
  }

  void typicalLogs() {
    try (EventLogs.Log api = EventLogs.file(logs.resolve("api.csv"), "API")) {
      api.row(ERP, "2026-03-02T10:00:00.000Z", "METHOD_NAME", "query", "ENTITY_NAME", "account");
      api.row(ERP, "2026-03-03T10:00:00.000Z", "METHOD_NAME", "create", "ENTITY_NAME", "Order");
      api.row(ERP, "2026-03-04T10:00:00.000Z", "METHOD_NAME", "describeSObjects");
      api.row(
          ERP,
          "2026-03-05T10:00:00.000Z",
          "METHOD_NAME",
          "delete",
          "ENTITY_NAME",
          "Contact",
          "REQUEST_STATUS",
          "A");
      api.row(PERSON, "2026-03-06T10:00:00.000Z", "METHOD_NAME", "query", "ENTITY_NAME", "Lead");
    }
    try (EventLogs.Log rest = EventLogs.file(logs.resolve("rest.csv"), "RestApi")) {
      rest.row(
          ERP,
          "2026-03-07T10:00:00.000Z",
          "METHOD",
          "PATCH",
          "URI",
          "/services/data/v62.0/sobjects/Contact/ERP_Id__c/42",
          "ENTITY_NAME",
          "Contact",
          "STATUS_CODE",
          "403");
      rest.row(
          WAREHOUSE.substring(0, 15),
          "2026-03-08T10:00:00.000Z",
          "METHOD",
          "GET",
          "URI",
          "/services/data/v62.0/query",
          "ENTITY_NAME",
          "Case",
          "STATUS_CODE",
          "200");
    }
    try (EventLogs.Log bulk = EventLogs.file(logs.resolve("bulk2.csv"), "BulkApi2")) {
      bulk.row(ERP, "2026-03-09T10:00:00.000Z", "OPERATION_TYPE", "upsert", "ENTITY_TYPE", "Order");
    }
    try (EventLogs.Log total = EventLogs.file(logs.resolve("total.csv"), "ApiTotalUsage")) {
      // the API log already holds SOAP calls: this one is left to it
      total.row(
          ERP,
          "2026-03-10T10:00:00.000Z",
          "API_FAMILY",
          "SOAP",
          "API_RESOURCE",
          "query",
          "ENTITY_NAME",
          "Invoice__c");
    }
  }

  Cli.Run usage(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "usage", specs.toString(), "--logs", logs.toString(), "--users", users.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  JsonNode json(Cli.Run run) throws Exception {
    assertEquals(0, run.exitCode(), run.toString());
    return new ObjectMapper().readTree(run.out());
  }

  JsonNode integration(JsonNode root, String name) {
    for (JsonNode node : root.get("integrations")) {
      if (node.get("name").asText().equals(name)) {
        return node;
      }
    }
    throw new AssertionError("no " + name + " in " + root);
  }
}
