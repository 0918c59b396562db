package dev.apionly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Where tests find the shared Salesforce material and the repository, and small file helpers. */
public final class TestFiles {

  private TestFiles() {}

  /** The repository root (Maven's basedir). */
  public static Path repository() {
    return Path.of(System.getProperty("apionly.basedir", ".")).toAbsolutePath().normalize();
  }

  /** {@code ../shared} beside the repository: the WSDLs and the corpus of real metadata. */
  public static Path shared() {
    Path shared =
        Path.of(System.getProperty("apionly.shared", repository().resolve("../shared").toString()))
            .toAbsolutePath()
            .normalize();
    if (!Files.isDirectory(shared.resolve("salesforce"))) {
      throw new IllegalStateException("../shared/salesforce not found at " + shared);
    }
    return shared;
  }

  public static Path wsdl(String version) {
    return shared().resolve("salesforce/metadata-v" + version + ".wsdl");
  }

  /** A minimal SFDX project in {@code root}: force-app, API 66.0. */
  public static void sfdxProject(Path root) {
    write(
        root.resolve("sfdx-project.json"),
        "{\"packageDirectories\": [{\"path\": \"force-app\", \"default\": true}],"
            + " \"sourceApiVersion\": \"66.0\"}\n");
  }

  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file below {@code root}, by relative path with '/', with its text. */
  public static Map<String, String> tree(Path root) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .forEach(f -> files.put(root.relativize(f).toString().replace('\\', '/'), bytes(f)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Any file as text, bytes that are not UTF-8 shown as replacement characters. */
  private static String bytes(Path file) {
    try {
      return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the tree at {@code from} into {@code to}. */
  public static void copy(Path from, Path to) {
    tree(from).forEach((path, text) -> write(to.resolve(path), text));
  }
}
