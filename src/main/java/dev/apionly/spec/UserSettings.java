package dev.apionly.spec;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Suggestions;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of a user's time zone, locale, language and email encoding, and their defaults. */
public final class UserSettings {

  public static final String DEFAULT_TIME_ZONE = "UTC";
  public static final String DEFAULT_LOCALE = "en_US";
  public static final String DEFAULT_LANGUAGE = "en_US";
  public static final String DEFAULT_EMAIL_ENCODING = "UTF-8";

  /** Salesforce's EmailEncodingKey values, as the spec schema lists them. */
  static final List<String> EMAIL_ENCODINGS = SpecSchema.v1().enumeration("emailEncoding");

  private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?(_[A-Za-z0-9]+)*");
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private UserSettings() {}

  /** Reports each value that is present but not accepted. */
  static void check(
      Ref timeZone, Ref locale, Ref language, Ref emailEncoding, Diagnostics diagnostics) {
    if (timeZone != null && !ZONES.contains(timeZone.value()) && !"GMT".equals(timeZone.value())) {
      diagnostics.error(
          timeZone.location(),
          "timeZone '"
              + Texts.abbreviate(timeZone.value())
              + "' is not a time zone"
              + Suggestions.didYouMean(timeZone.value(), ZONES)
              + "; accepted: an IANA zone such as Europe/Berlin or America/New_York");
    }
    for (Ref value : new Ref[] {locale, language}) {
      if (value != null && !LOCALE.matcher(value.value()).matches()) {
        diagnostics.error(
            value.location(),
            "'"
                + Texts.abbreviate(value.value())
                + "' is not a Salesforce locale or language key; accepted: keys such as en_US,"
                + " de_DE_EURO or ja");
      }
    }
    if (emailEncoding != null && !EMAIL_ENCODINGS.contains(emailEncoding.value())) {
      diagnostics.error(
          emailEncoding.location(),
          "emailEncoding '"
              + Texts.abbreviate(emailEncoding.value())
              + "' is not accepted"
              + Suggestions.didYouMean(emailEncoding.value(), EMAIL_ENCODINGS)
              + "; accepted: "
              + String.join(", ", EMAIL_ENCODINGS));
    }
  }
}
