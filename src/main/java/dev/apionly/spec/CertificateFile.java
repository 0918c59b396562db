package dev.apionly.spec;

import dev.apionly.diagnostic.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificate file an {@code oauth} block names for the JWT bearer flow: read from the spec's
 * own directory tree, checked to hold exactly one X.509 certificate and nothing secret. Its content
 * is never shown in a message.
 */
final class CertificateFile {

  static final int MAX_BYTES = 64 * 1024;

  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY");
  private static final Pattern CERTIFICATE =
      Pattern.compile(
          "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*)-----END CERTIFICATE-----",
          Pattern.DOTALL);
  private static final String ACCEPTED =
      "accepted: a PEM file holding only the app's certificate"
          + " (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private CertificateFile() {}

  /**
   * The certificate {@code path} names (relative to {@code specFile}), as normalised PEM; empty
   * after reporting why it cannot be used. {@code now} decides whether it has expired.
   */
  static Optional<String> read(Path specFile, Ref path, Diagnostics diagnostics, Instant now) {
    String shown = "'" + Texts.abbreviate(path.value()) + "'";
    Path base = specFile.toAbsolutePath().normalize().getParent();
    Path file;
    try {
      Path relative = Path.of(path.value());
      if (relative.isAbsolute() || path.value().startsWith("~") || relative.getRoot() != null) {
        diagnostics.error(
            path.location(),
            "certificate path "
                + shown
                + " is absolute; accepted: a path relative to the spec file, inside its directory");
        return Optional.empty();
      }
      file = base.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      diagnostics.error(path.location(), "certificate path " + shown + " is not a valid path");
      return Optional.empty();
    }
    if (!file.startsWith(base)) {
      diagnostics.error(
          path.location(),
          "certificate path "
              + shown
              + " leaves the spec's directory; accepted: a path relative to the spec file, inside"
              + " its directory (e.g. certs/app.crt)");
      return Optional.empty();
    }
    byte[] bytes;
    try {
      if (!Files.isRegularFile(file)) {
        diagnostics.error(
            path.location(),
            "certificate file "
                + shown
                + " not found next to the spec; accepted: a PEM certificate file, e.g. created with"
                + " openssl req -x509 -newkey rsa:2048 -keyout app.key -out app.crt (keep app.key"
                + " out of the repository)");
        return Optional.empty();
      }
      // a symbolic link must not lead outside the spec's directory either
      if (!file.toRealPath().startsWith(base.toRealPath())) {
        diagnostics.error(
            path.location(),
            "certificate file "
                + shown
                + " links outside the spec's directory; accepted: a file"
                + " inside it");
        return Optional.empty();
      }
      if (Files.size(file) > MAX_BYTES) {
        diagnostics.error(
            path.location(),
            "certificate file "
                + shown
                + " is "
                + Files.size(file)
                + " bytes, too large for a certificate; "
                + ACCEPTED);
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      diagnostics.error(
          path.location(), "cannot read certificate file " + shown + ": " + e.getMessage());
      return Optional.empty();
    }
    return certificate(bytes, path, shown, diagnostics, now);
  }

  private static Optional<String> certificate(
      byte[] bytes, Ref path, String shown, Diagnostics diagnostics, Instant now) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (PRIVATE_KEY.matcher(text).find()) {
      diagnostics.error(
          path.location(),
          "certificate file "
              + shown
              + " holds a private key (not shown); the key stays with the integration's system"
              + " and out of the repository: remove it from this file and from version control,"
              + " and replace the key pair if it was ever committed; "
              + ACCEPTED);
      return Optional.empty();
    }
    List<String> blocks = new ArrayList<>();
    Matcher matcher = CERTIFICATE.matcher(text);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    if (blocks.isEmpty()) {
      boolean der = bytes.length > 0 && bytes[0] == 0x30;
      diagnostics.error(
          path.location(),
          "certificate file "
              + shown
              + " holds no PEM certificate"
              + (der
                  ? " (it looks like binary DER; convert it with openssl x509 -inform der -in FILE"
                      + " -out FILE.crt)"
                  : "")
              + "; "
              + ACCEPTED);
      return Optional.empty();
    }
    if (blocks.size() > 1) {
      diagnostics.error(
          path.location(),
          "certificate file "
              + shown
              + " holds "
              + blocks.size()
              + " certificates; accepted: exactly one, the app's own (not a chain)");
      return Optional.empty();
    }
    X509Certificate certificate;
    try {
      byte[] der = Base64.getMimeDecoder().decode(blocks.get(0).strip());
      certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
    } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
      diagnostics.error(
          path.location(),
          "certificate file "
              + shown
              + " is not a valid X.509 certificate (its PEM block does not decode); "
              + ACCEPTED);
      return Optional.empty();
    }
    if (!"RSA".equals(certificate.getPublicKey().getAlgorithm())) {
      diagnostics.error(
          path.location(),
          "certificate in "
              + shown
              + " has a "
              + certificate.getPublicKey().getAlgorithm()
              + " key; the JWT bearer flow signs with RS256, accepted: an RSA certificate");
      return Optional.empty();
    }
    if (now.isAfter(certificate.getNotAfter().toInstant())) {
      diagnostics.warning(
          path.location(),
          "certificate in "
              + shown
              + " expired on "
              + DAY.format(certificate.getNotAfter().toInstant())
              + " (UTC); replace it with a current one so JWT logins keep working");
    } else if (now.isBefore(certificate.getNotBefore().toInstant())) {
      diagnostics.warning(
          path.location(),
          "certificate in "
              + shown
              + " is not valid before "
              + DAY.format(certificate.getNotBefore().toInstant())
              + " (UTC)");
    }
    try {
      return Optional.of(pem(certificate.getEncoded()));
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate re-encodes", e);
    }
  }

  /** The one PEM form written, whatever line breaks the file had. */
  static String pem(byte[] der) {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END CERTIFICATE-----";
  }
}
