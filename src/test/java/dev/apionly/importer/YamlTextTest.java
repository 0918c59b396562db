package dev.apionly.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.spec.YamlNode;
import dev.apionly.spec.YamlReader;
import java.nio.file.Path;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** What import quotes reads back as the same text, whatever the text. */
class YamlTextTest {

  @Property(tries = 500)
  void quotedTextReadsBackUnchanged(@ForAll String text) {
    Assume.that(text.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    assertEquals(text, readBack("label: " + YamlText.quoted(text) + "\n"));
  }

  @Test
  void namesThatYamlWouldRetypeAreQuoted() {
    for (String name : new String[] {"Yes", "off", "NULL", "true", "Account", "ns__Obj__c"}) {
      assertEquals(name, readBack("label: " + YamlText.name(name) + "\n"));
    }
    assertEquals("\"Yes\"", YamlText.name("Yes"));
    assertEquals("Account", YamlText.name("Account"));
  }

  @Test
  void commentsStayOnOneLine() {
    assertEquals("a b  c", YamlText.comment("a\nb\u2028 c"));
  }

  private static String readBack(String yaml) {
    Diagnostics diagnostics = new Diagnostics();
    YamlNode root = YamlReader.read(Path.of("t.yaml"), yaml, diagnostics).orElseThrow();
    YamlNode.MapNode map = (YamlNode.MapNode) root;
    return ((YamlNode.ScalarNode) map.entries().get("label").value()).text();
  }
}
