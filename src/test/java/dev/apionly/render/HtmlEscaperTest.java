package dev.apionly.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The HTML escaper: whatever a spec holds reads back as the same text, in text and attributes. */
class HtmlEscaperTest {

  @Test
  void chosenForHtmlTemplates() {
    assertEquals(Escaper.HTML, Escaper.forTemplate("report.html.vm"));
  }

  @Test
  void escapesMarkupAndBothQuotes() {
    assertEquals(
        "&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; &#39;q&#39; &#96;b&#96;",
        Escaper.HTML.escape("<img src=x onerror=\"a()\"> & 'q' `b`"));
  }

  @Property
  void textAndAttributesReadBackUnchanged(@ForAll String value) {
    String expected =
        dev.apionly.diagnostic.InvisibleCharacters.shown(value)
            .replaceAll("[\\x00-\\x08\\x0B-\\x1F]", " ")
            .replace("\r", " ");
    String escaped = Escaper.HTML.escape(value);
    Document page =
        Jsoup.parse(
            "<p id=\"text\">"
                + escaped
                + "</p><p id=\"double\" title=\""
                + escaped
                + "\"></p><p id=\"single\" title='"
                + escaped
                + "'></p>");
    assertEquals(1, page.select("#text").size());
    assertFalse(page.select("#text").first().children().size() > 0, "no element from the value");
    assertEquals(expected, page.select("#double").attr("title"));
    assertEquals(expected, page.select("#single").attr("title"));
    assertEquals(3, page.body().children().size(), "the value added no element");
  }

  /** A right-to-left override or a zero-width character never reaches the page unseen. */
  @Test
  void invisibleCharactersAreShown() {
    for (String invisible : new String[] {"\u202E", "\u2067", "\u200B", "\uFEFF", "\uDB40\uDC41"}) {
      String escaped = Escaper.HTML.escape("Sync" + invisible + "cod.exe");
      assertEquals("Sync\uFFFDcod.exe", escaped);
    }
  }
}
