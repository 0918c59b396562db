package dev.apionly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Where tests find the repository, its fixtures and the conformance material; file helpers. */
public final class TestFiles {

  private TestFiles() {}

  /** The repository root (Maven's basedir). */
  public static Path repository() {
    return Path.of(System.getProperty("apionly.basedir", ".")).toAbsolutePath().normalize();
  }

  /**
   * {@code ../shared} beside the repository (or {@code -Dapionly.shared=DIR}): the full Metadata
   * API WSDLs and the corpus of real retrieved metadata. Only the conformance run reads it; asked
   * for without it, it fails, naming what is missing.
   */
  public static Path shared() {
    Path shared =
        Path.of(System.getProperty("apionly.shared", repository().resolve("../shared").toString()))
            .toAbsolutePath()
            .normalize();
    List<String> missing = new ArrayList<>();
    for (String needed :
        List.of(
            "salesforce/metadata-v66.wsdl",
            "salesforce/metadata-v62.wsdl",
            "salesforce/user-permissions-seen.txt",
            "corpus/real-metadata")) {
      if (!Files.exists(shared.resolve(needed))) {
        missing.add(shared.resolve(needed).toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "the conformance run needs Salesforce's Metadata API WSDLs and the corpus of real"
              + " retrieved metadata beside the repository (or -Dapionly.shared=DIR); missing: "
              + String.join(", ", missing));
    }
    return shared;
  }

  /** A full Metadata API WSDL of {@link #shared()}, for the conformance run. */
  public static Path wsdl(String version) {
    return shared().resolve("salesforce/metadata-v" + version + ".wsdl");
  }

  /** The project's own metadata fixtures: permission sets, a group and a muting set. */
  public static Path fixtures() {
    return repository().resolve("src/test/resources/metadata");
  }

  /** Every permission set, group or muting set file below {@code root}, sorted. */
  public static List<Path> metadataFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              f ->
                  f.getFileName()
                      .toString()
                      .matches(".*\\.(muting)?permissionset(group)?(-meta\\.xml)?"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A Metadata WSDL at {@code file} holding the bundled schema, as an org's WSDL holds its types:
   * enough for {@code validate --wsdl} without the full WSDL in the repository.
   */
  public static Path wsdlOfBundledSchema(Path file) {
    String xsd = read(repository().resolve("src/main/resources/salesforce/metadata-v66.xsd"));
    String schema = xsd.substring(xsd.indexOf("<xsd:schema"));
    write(
        file,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\""
            + " targetNamespace=\"http://soap.sforce.com/2006/04/metadata\">\n <types>\n"
            + schema.replaceAll(
                "(?m)^  <xsd:element name=\"[A-Za-z]+\" type=\"tns:[A-Za-z]+\"/>\n", "")
            + " </types>\n</definitions>\n");
    return file;
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

  /** Runs git in {@code repository} and returns what it printed; fails the test if git fails. */
  public static String git(Path repository, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out =
          new String(
              process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new AssertionError(String.join(" ", command) + "\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Deletes {@code root} and everything below it, if it is there. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the tree at {@code from} into {@code to}. */
  public static void copy(Path from, Path to) {
    tree(from).forEach((path, text) -> write(to.resolve(path), text));
  }
}
