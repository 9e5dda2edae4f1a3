package io.tidemark.internal.status;

import java.util.Map;
import java.util.Objects;

/**
 * Where and how the status page is served.
 *
 * @param port the first port tried; the next ones up to {@link #PORT_RETRIES} if it is taken; 0: no page
 * @param host the address bound: {@code 127.0.0.1} unless told otherwise
 * @param user with {@code password}, the basic-auth credentials every request must carry; null: none
 * @param token the bearer token every request must carry ({@code Authorization: Bearer <token>}); null: none
 */
public record StatusOptions(int port, String host, String user, String password, String token) {

  /** The configuration entry of the port: {@code 0} (the default of a context built in code) turns the page off. */
  public static final String PORT = "ui.port";
  /** The configuration entry of the address the page is bound to. */
  public static final String HOST = "ui.host";
  /** Spark's UI port, the default of the launcher and the plugin. */
  public static final int DEFAULT_PORT = 4040;
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** How many ports after the given one are tried, as Spark's {@code spark.port.maxRetries}. */
  public static final int PORT_RETRIES = 16;
  /** Environment variables with the credentials (never configuration entries: those are checkpointed). */
  public static final String TOKEN_VARIABLE = "TIDEMARK_UI_TOKEN";
  public static final String USER_VARIABLE = "TIDEMARK_UI_USER";
  public static final String PASSWORD_VARIABLE = "TIDEMARK_UI_PASSWORD";

  public StatusOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("The status page's port must be 0 (off) or 1-65535, got " + port);
    }
    Objects.requireNonNull(host, "host");
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException("Basic auth of the status page needs both a user and a password");
    }
    if (user != null && user.contains(":")) {
      throw new IllegalArgumentException("A basic-auth user name cannot contain ':'");
    }
  }

  /** No page. */
  public static final StatusOptions OFF = new StatusOptions(0, DEFAULT_HOST, null, null, null);

  public boolean enabled() {
    return port != 0;
  }

  public boolean hasAuth() {
    return user != null || token != null;
  }

  /**
   * The options a context's configuration gives ({@value #PORT}, {@value #HOST}), with credentials from
   * {@code user}/{@code password}/{@code token} or else from the environment.
   *
   * @throws IllegalArgumentException naming the entry whose value does not parse
   */
  public static StatusOptions of(Map<String, String> config, String user, String password, String token,
      Map<String, String> environment) {
    String portText = config.getOrDefault(PORT, "0").trim();
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("The configuration entry " + PORT + " must be a port number (0: no status"
          + " page), got \"" + portText + "\"", e);
    }
    if (user == null && token == null) {
      token = blankToNull(environment.get(TOKEN_VARIABLE));
      user = blankToNull(environment.get(USER_VARIABLE));
      password = user == null ? null : environment.get(PASSWORD_VARIABLE);
    }
    return new StatusOptions(port, config.getOrDefault(HOST, DEFAULT_HOST).trim(), user, password, token);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() { // never the credentials
    return "StatusOptions[port=" + port + ", host=" + host + ", auth=" + (token != null ? "bearer token"
        : user != null ? "basic" : "none") + "]";
  }
}
