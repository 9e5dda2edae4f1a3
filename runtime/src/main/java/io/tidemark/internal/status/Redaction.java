package io.tidemark.internal.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets off the status page: configuration values whose key looks like a credential are
 * replaced by {@value #MASK}, so are passwords in URLs ({@code scheme://user:secret@host}), and any text
 * shown (a failed batch's error) has every such value masked wherever it appears in it. Errs on the side
 * of hiding: a harmless value under a suspicious key is masked too.
 */
final class Redaction {

  static final String MASK = "******";

  /**
   * Keys of credentials: passwords, secrets, tokens, keys, JAAS configurations (Kafka's {@code
   * sasl.jaas.config} holds the password), {@code ssl.*.password}, {@code basic.auth.user.info},
   * cloud access keys, session cookies.
   */
  private static final Pattern SECRET_KEY = Pattern.compile(
      "(?i).*(password|passwd|pwd|secret|token|credential|jaas|api[._-]?key|access[._-]?key|private[._-]?key"
          + "|key[._-]?store|trust[._-]?store|user[._-]?info|auth|cookie|session|signature|\\.key$).*");
  private static final Pattern URL_PASSWORD = Pattern.compile("(\\w+://[^:/@\\s]+:)([^@/\\s]+)(@)");

  private final Map<String, String> redacted;
  /** The secret values, longest first, to mask in free text. */
  private final List<String> secrets = new ArrayList<>();

  Redaction(Map<String, String> config) {
    Map<String, String> shown = new LinkedHashMap<>();
    config.forEach((key, value) -> {
      if (isSecret(key)) {
        shown.put(key, MASK);
        if (value != null && value.length() >= 4) {
          secrets.add(value);
        }
      } else {
        Matcher url = URL_PASSWORD.matcher(value == null ? "" : value);
        while (url.find()) {
          if (url.group(2).length() >= 4) {
            secrets.add(url.group(2));
          }
        }
        shown.put(key, value == null ? null : URL_PASSWORD.matcher(value).replaceAll("$1" + MASK + "$3"));
      }
    });
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    this.redacted = Collections.unmodifiableMap(new TreeMap<>(shown));
  }

  static boolean isSecret(String key) {
    return SECRET_KEY.matcher(key).matches();
  }

  /** The configuration with every secret masked. */
  Map<String, String> config() {
    return redacted;
  }

  /** {@code text} with every secret value of the configuration, and every password in a URL, masked. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String scrubbed = text;
    for (String secret : secrets) {
      scrubbed = scrubbed.replace(secret, MASK);
    }
    return URL_PASSWORD.matcher(scrubbed).replaceAll("$1" + MASK + "$3");
  }
}
