package dev.apionly.render;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One output file: its project-relative path, the integration it belongs to, and its text. */
public record RenderedFile(String path, String integration, String text) {

  public RenderedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }

  public byte[] bytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
