package dev.apionly.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV and Markdown cells: spec text stays one cell of plain text. */
class CellEscapingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "plain|plain",
        "a, b|\"a, b\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
        "=HYPERLINK(\"http://x\")|\"'=HYPERLINK(\"\"http://x\"\")\"",
        "+1|'+1",
        "-2+3|'-2+3",
        "@SUM(A1)|'@SUM(A1)",
        "a=b|a=b",
      })
  void csvQuotesAndDefusesFormulas(String text, String expected) {
    assertEquals(expected, CsvReport.cell(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '`',
      value = {
        "Invoice__c#Invoice\\_\\_c",
        "a | b#a \\| b",
        "<script>x</script>#\\<script\\>x\\</script\\>",
        "[link](javascript:x)#\\[link\\](javascript:x)",
        "![img](x)#\\!\\[img\\](x)",
        "**bold** `code`#\\*\\*bold\\*\\* \\`code\\`",
        "&amp; $x$#\\&amp; \\$x\\$",
      })
  void markdownEscapesInlineSyntax(String text, String expected) {
    assertEquals(expected, ReportMarkdown.cell(text));
  }

  @org.junit.jupiter.api.Test
  void markdownKeepsOneLine() {
    assertEquals("a  b c", ReportMarkdown.cell("a\r\nb\tc"));
  }

  /** A right-to-left override or a zero-width character never reaches a reviewer unseen. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "\u202E",
        "\u2066",
        "\u200B",
        "\u200D",
        "\uFEFF",
        "\u2028",
        "\u061C",
        "\uDB40\uDC41"
      })
  void invisibleCharactersAreShownInEveryFormat(String invisible) {
    String label = "Sync" + invisible + "cod.exe";
    for (String shown :
        new String[] {
          CsvReport.cell(label), ReportMarkdown.cell(label),
        }) {
      assertEquals(-1, shown.indexOf(invisible), shown);
      assertTrue(shown.indexOf('\uFFFD') >= 0, shown);
    }
  }
}
