package dev.apionly.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The review's Markdown shows a reviewer every character that could change what a line says. */
class MarkdownTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"\u202E", "\u2066", "\u200B", "\u200D", "\uFEFF", "\u2029", "\uDB40\uDC41"})
  void invisibleCharactersAreShownInTextAndCode(String invisible) {
    assertEquals("Sync\uFFFDcod.exe", ReviewMarkdown.text("Sync" + invisible + "cod.exe"));
    assertEquals("Sync\uFFFDcod.exe", ReviewMarkdown.code("Sync" + invisible + "cod.exe"));
  }
}
