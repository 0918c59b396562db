package dev.apionly.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group that includes a permission set the repository holds but no spec describes: review, report
 * and lint count what its file grants, on each side as that side has it.
 */
class IncludedRepositorySetTest {

  @TempDir Path repo;

  private static final String DREAMHOUSE =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
          + "    <label>dreamhouse</label>\n"
          + "    <objectPermissions>\n"
          + "        <allowCreate>true</allowCreate>\n"
          + "        <allowDelete>true</allowDelete>\n"
          + "        <allowEdit>true</allowEdit>\n"
          + "        <allowRead>true</allowRead>\n"
          + "        <modifyAllRecords>true</modifyAllRecords>\n"
          + "        <object>Property__c</object>\n"
          + "        <viewAllRecords>true</viewAllRecords>\n"
          + "    </objectPermissions>\n"
          + "</PermissionSet>\n";

  private static final String SPEC =
      "name: Listing_Sync\nowner: listings@acme.example\n"
          + "objects:\n  Contact:\n    access: read\n";

  @BeforeEach
  void repository() {
    TestFiles.sfdxProject(repo);
    TestFiles.write(
        repo.resolve("force-app/main/default/permissionsets/dreamhouse.permissionset-meta.xml"),
        DREAMHOUSE);
    TestFiles.write(repo.resolve("specs/listing.yaml"), SPEC);
    git("init", "-q", ".");
    git("config", "user.email", "review@example.invalid");
    git("config", "user.name", "review");
    git("config", "commit.gpgsign", "false");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
  }

  @Test
  void reviewCountsTheIncludedSetsGrants() {
    TestFiles.write(repo.resolve("specs/listing.yaml"), SPEC + "include: [DreamHouse]\n");

    Cli.Run run =
        Cli.run("review", "--base", "HEAD", "--format", "json", repo.resolve("specs").toString());

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out().matches("(?s).*\"target\": \"Property__c\",\\s+\"verb\": \"modifyAll\".*"),
        run.out());
    assertTrue(run.out().contains("\"outsideSpecs\": []"), run.out());
    Cli.Run gate =
        Cli.run("review", "--base", "HEAD", "--fail-on", "high", repo.resolve("specs").toString());
    assertEquals(1, gate.exitCode(), gate.toString());
  }

  @Test
  void aChangeToTheIncludedFileItselfShowsInTheReview() {
    TestFiles.write(repo.resolve("specs/listing.yaml"), SPEC + "include: [dreamhouse]\n");
    git("add", "-A");
    git("commit", "-q", "-m", "include");
    TestFiles.write(
        repo.resolve("force-app/main/default/permissionsets/dreamhouse.permissionset-meta.xml"),
        DREAMHOUSE.replace("<modifyAllRecords>true", "<modifyAllRecords>false"));

    Cli.Run run = Cli.run("review", "--base", "HEAD", repo.resolve("specs").toString());

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("Property__c.modifyAll"), run.out());
  }

  @Test
  void reportAndLintCountIt() {
    TestFiles.write(repo.resolve("specs/listing.yaml"), SPEC + "include: [dreamhouse]\n");

    Cli.Run report = Cli.run("report", repo.resolve("specs").toString(), "--format", "markdown");
    assertEquals(0, report.exitCode(), report.toString());
    assertTrue(
        report.out().contains("high: read, create, edit, delete, viewAll, modifyAll"),
        report.out());

    Cli.Run lint = Cli.run("lint", repo.resolve("specs").toString());
    assertEquals(0, lint.exitCode(), lint.toString());
    assertTrue(
        lint.out().contains("included set 'dreamhouse' (")
            && lint.out().contains("has no licence: a user on the Salesforce Integration licence"),
        lint.out());
    assertTrue(
        lint.out().contains("[included-set-licence]")
            || lint.out().contains("included-set-licence"),
        lint.out());
    assertTrue(lint.out().contains("gives the group object Property__c.delete (high)"), lint.out());
    assertFalse(lint.out().contains("Contact"), lint.out());
  }

  /** A mute is checked against what the included file grants, as against a spec's set. */
  @Test
  void lintChecksMutesAgainstTheIncludedFile() {
    TestFiles.write(
        repo.resolve("specs/listing.yaml"),
        SPEC
            + "include: [dreamhouse]\n"
            + "mute:\n  objects:\n    Property__c:\n      access: [delete]\n"
            + "    Opportunity:\n      access: [read]\n");
    Cli.Run lint = Cli.run("lint", repo.resolve("specs").toString());
    assertFalse(lint.out().contains("mutes Property__c.delete"), lint.out());
    assertTrue(
        lint.out().contains("mutes Opportunity.read, which no set of the group grants"),
        lint.out());
  }

  private void git(String... args) {
    TestFiles.git(repo, args);
  }
}
