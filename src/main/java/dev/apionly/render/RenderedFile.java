package dev.apionly.render;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One output file: its project-relative path, the integration it belongs to, and its UTF-8 bytes,
 * encoded once for both verification and writing.
 */
public record RenderedFile(String path, String integration, byte[] bytes) {

  public RenderedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** A file rendered as {@code text}. */
  public static RenderedFile of(String path, String integration, String text) {
    return new RenderedFile(path, integration, text.getBytes(StandardCharsets.UTF_8));
  }

  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
