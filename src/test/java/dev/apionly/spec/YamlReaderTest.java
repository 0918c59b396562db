package dev.apionly.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile YAML is refused with a position, never a crash. */
class YamlReaderTest {

  private static final Path FILE = Path.of("specs/x.yaml");

  private static Diagnostic only(String yaml) {
    Diagnostics diagnostics = new Diagnostics();
    assertTrue(YamlReader.read(FILE, yaml, diagnostics).isEmpty());
    List<Diagnostic> all = diagnostics.sorted();
    assertEquals(1, all.size(), all.toString());
    return all.get(0);
  }

  @Test
  void tabsInIndentation() {
    Diagnostic d = only("name: A\n\towner: b\n");
    assertEquals(2, d.location().line());
    assertTrue(d.message().contains("tab character"), d.message());
  }

  @Test
  void aliasesAreRefused() {
    Diagnostic d = only("a: &x [1, 2]\nb: *x\n");
    assertEquals(2, d.location().line());
    assertTrue(d.message().contains("alias '*x' is not accepted"), d.message());
  }

  @Test
  void aliasBombIsRefusedQuickly() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    Diagnostic d = only(yaml.toString());
    assertTrue(d.message().contains("alias"), d.message());
  }

  @Test
  void deepNestingIsRefused() {
    String yaml = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
    Diagnostic d = only(yaml);
    assertTrue(d.message().contains("nested deeper"), d.message());
  }

  @Test
  void duplicateKeys() {
    Diagnostic d = only("name: A\nowner: b\nname: C\n");
    assertEquals(3, d.location().line());
    assertTrue(d.message().contains("duplicate key 'name' (first at 1:1)"), d.message());
  }

  @Test
  void secondDocument() {
    Diagnostic d = only("name: A\n---\nname: B\n");
    assertTrue(d.message().contains("second YAML document"), d.message());
  }

  @Test
  void syntaxErrorHasAPosition() {
    Diagnostic d = only("name: [A\nowner: b\n");
    assertTrue(d.location().line() > 0, d.toString());
    assertTrue(d.message().startsWith("YAML syntax error"), d.message());
  }

  @Test
  void emptyAndCommentOnlyFiles() {
    assertTrue(only("").message().contains("file is empty"));
    assertTrue(only("# nothing\n\n").message().contains("file is empty"));
  }

  @Test
  void binaryAndHugeFiles(@TempDir Path dir) throws IOException {
    Path binary = dir.resolve("b.yaml");
    Files.write(binary, new byte[] {'n', 0, (byte) 0xff, 0x12});
    Diagnostics diagnostics = new Diagnostics();
    assertTrue(YamlReader.read(binary, diagnostics).isEmpty());
    assertTrue(diagnostics.sorted().get(0).message().contains("not a UTF-8 text file"));

    Path huge = dir.resolve("h.yaml");
    Files.writeString(huge, "name: A\n# " + "x".repeat((int) YamlReader.MAX_BYTES) + "\n");
    diagnostics = new Diagnostics();
    assertTrue(YamlReader.read(huge, diagnostics).isEmpty());
    assertTrue(diagnostics.sorted().get(0).message().contains("at most 1048576 bytes"));
  }

  @Test
  void aByteOrderMarkIsAccepted(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bom.yaml");
    Files.writeString(file, "\uFEFFname: A\n");
    Diagnostics diagnostics = new Diagnostics();
    assertTrue(YamlReader.read(file, diagnostics).isPresent(), diagnostics.sorted().toString());
  }
}
