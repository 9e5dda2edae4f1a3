package io.tidemark.internal.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running pipeline's status page: the page itself (HTML, JavaScript and uPlot, all inside the jar),
 * its JSON API ({@code /api/v1/pipeline}, {@code batches}, {@code stages}, {@code sources}, {@code
 * checkpoint}) and the Prometheus scrape endpoint {@code /metrics}, served by the JDK's HTTP server on a
 * small pool of daemon threads; the same metrics in JMX. Read-only: only {@code GET} and {@code HEAD}
 * are answered, and nothing served can change the job. Bound to {@code 127.0.0.1} unless told
 * otherwise; with credentials, every request but the page's static files (which hold no data) must
 * carry them. Lives from the context's start to its stop.
 */
public final class StatusPage implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StatusPage.class);
  private static final String RESOURCES = "/io/tidemark/internal/status/";
  /** The page's files, by name, with their content types: nothing else is served from the class path. */
  private static final Map<String, String> STATIC = Map.of(
      "index.html", "text/html; charset=utf-8",
      "status.js", "text/javascript; charset=utf-8",
      "status.css", "text/css; charset=utf-8",
      "uPlot.iife.min.js", "text/javascript; charset=utf-8",
      "uPlot.min.css", "text/css; charset=utf-8",
      "uPlot-LICENSE.txt", "text/plain; charset=utf-8");
  private static final String JSON = "application/json; charset=utf-8";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final int HTTP_THREADS = 4;
  /** The most batches one {@code /api/v1/batches} answer holds. */
  private static final int MAX_BATCHES = BatchHistory.RETAINED;
  private static final long METER_REFRESH_SECONDS = 5;
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private final StatusOptions options;
  private final BatchHistory history = new BatchHistory();
  private final StatusMetrics metrics;
  private final StatusJson json;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService refresher;
  private final URI url;

  private StatusPage(StatusOptions options, PipelineStatusSource pipeline) throws IOException {
    this.options = options;
    this.metrics = new StatusMetrics(pipeline, history);
    this.json = new StatusJson(pipeline, history, UUID.randomUUID().toString(), System.currentTimeMillis());
    try {
      this.server = bind(options);
    } catch (IOException | RuntimeException e) {
      metrics.close();
      throw e;
    }
    pipeline.addListener(history); // only once the page is sure to exist
    pipeline.addListener(metrics.listener());
    executor = Executors.newFixedThreadPool(HTTP_THREADS, daemon("tidemark-status-http-"));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    refresher = Executors.newSingleThreadScheduledExecutor(daemon("tidemark-status-meters-"));
    // new sources' and Kafka partitions' meters appear in JMX without waiting for a scrape
    refresher.scheduleWithFixedDelay(metrics::refresh, METER_REFRESH_SECONDS, METER_REFRESH_SECONDS, TimeUnit.SECONDS);
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    url = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/");
    if (!bound.getAddress().isLoopbackAddress() && !options.hasAuth()) {
      LOG.warn("The status page of {} is bound to {} without credentials: anyone who reaches the port can read it"
          + " (set {} or {}/{})", pipeline.name(), host, StatusOptions.TOKEN_VARIABLE, StatusOptions.USER_VARIABLE,
          StatusOptions.PASSWORD_VARIABLE);
    }
    LOG.info("Status page of pipeline {}: {} (JSON under {}api/v1/, Prometheus metrics at {}metrics)", pipeline.name(),
        url, url, url);
  }

  /**
   * Serves the status page of {@code pipeline} and subscribes it to the batches, unless the options turn
   * it off (port 0).
   *
   * @throws IllegalStateException if none of the ports tried can be bound (the message names them)
   */
  public static Optional<StatusPage> start(StatusOptions options, PipelineStatusSource pipeline) {
    if (!options.enabled()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new StatusPage(options, pipeline));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serve the status page on " + options.host() + ": " + e.getMessage(), e);
    }
  }

  private static HttpServer bind(StatusOptions options) throws IOException {
    // without TCP_NODELAY a small answer waits for the client's delayed ACK of its headers: 40 ms a request.
    // The JDK's server reads this once, when its first instance in the JVM is made.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    InetAddress address = InetAddress.getByName(options.host());
    int last = Math.min(65535, options.port() + StatusOptions.PORT_RETRIES);
    for (int port = options.port(); port <= last; port++) {
      try {
        return HttpServer.create(new InetSocketAddress(address, port), 0);
      } catch (BindException e) {
        LOG.debug("Port {} of {} is taken: trying the next one", port, options.host());
      }
    }
    throw new IllegalStateException("Cannot serve the status page: ports " + options.port() + " to " + last + " of "
        + options.host() + " are all taken. Choose another port (ui.port, --ui-port, or the plugin's uiPort), or 0"
        + " to run without the page");
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Where the page is served, e.g. {@code http://127.0.0.1:4040/}. */
  public URI url() {
    return url;
  }

  /** The meters, for tests and embedding applications that publish them elsewhere too. */
  public io.micrometer.core.instrument.MeterRegistry meterRegistry() {
    return metrics.registry();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = Map.of(
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Referrer-Policy", "no-referrer",
          "Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
              + " frame-ancestors 'none'; form-action 'none'");
      headers.forEach(exchange.getResponseHeaders()::set);
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "The status page is read-only: GET and HEAD only\n");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String file = path.equals("/") ? "index.html" : path.startsWith("/static/") ? path.substring(8) : null;
      if (file != null) {
        serveStatic(exchange, file);
        return;
      }
      if (!authorized(exchange)) {
        return;
      }
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      switch (path) {
        case "/metrics" -> send(exchange, 200, PROMETHEUS_TEXT, metrics.scrape());
        case "/api/v1/pipeline" -> sendJson(exchange, json::pipeline);
        case "/api/v1/batches" -> sendJson(exchange, () -> json.batches(longParameter(query, "since", Long.MIN_VALUE),
            (int) Math.min(MAX_BATCHES, Math.max(1, longParameter(query, "limit", MAX_BATCHES)))));
        case "/api/v1/stages" -> sendJson(exchange, json::stages);
        case "/api/v1/sources" -> sendJson(exchange, json::sources);
        case "/api/v1/checkpoint" -> sendJson(exchange, json::checkpoint);
        default -> send(exchange, 404, "text/plain; charset=utf-8", "Not found. The API: /api/v1/pipeline,"
            + " /api/v1/batches?since=<batch time>, /api/v1/stages, /api/v1/sources, /api/v1/checkpoint; metrics:"
            + " /metrics\n");
      }
    } catch (RuntimeException e) {
      LOG.warn("The status page failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      try {
        send(exchange, 500, "text/plain; charset=utf-8", json.scrub(String.valueOf(e)) + "\n");
      } catch (IOException | RuntimeException ignored) {
        // the response had started: the client sees a broken one
      }
    }
  }

  private void serveStatic(HttpExchange exchange, String file) throws IOException {
    String type = STATIC.get(file);
    if (type == null) {
      send(exchange, 404, "text/plain; charset=utf-8", "Not found\n");
      return;
    }
    // the page's files hold no data: they load without credentials, so a page given a bearer token can ask for them
    if (options.user() != null && !authorized(exchange)) {
      return;
    }
    try (InputStream in = StatusPage.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null) {
        throw new IllegalStateException("The status page's " + file + " is missing from the jar: a broken build");
      }
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      send(exchange, 200, type, in.readAllBytes());
    }
  }

  /** Checks the request's credentials, when there must be some; answers 401 and returns false if they are wrong. */
  private boolean authorized(HttpExchange exchange) throws IOException {
    if (!options.hasAuth()) {
      return true;
    }
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    if (given != null) {
      if (options.token() != null && equal(given, "Bearer " + options.token())) {
        return true;
      }
      if (options.user() != null && equal(given, "Basic " + Base64.getEncoder().encodeToString(
          (options.user() + ":" + options.password()).getBytes(StandardCharsets.UTF_8)))) {
        return true;
      }
    }
    exchange.getResponseHeaders().set("WWW-Authenticate", options.user() != null
        ? "Basic realm=\"Tidemark status\", charset=\"UTF-8\"" : "Bearer realm=\"Tidemark status\"");
    send(exchange, 401, "text/plain; charset=utf-8", "Credentials required\n");
    return false;
  }

  /** Compares in time independent of where the texts differ. */
  private static boolean equal(String given, String expected) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }

  private static long longParameter(Map<String, String> query, String name, long defaultValue) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("The parameter " + name + " must be a number, got " + value, e);
    }
  }

  private static void sendJson(HttpExchange exchange, Supplier<ObjectNode> document) throws IOException {
    byte[] body;
    try {
      body = StatusJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document.get());
    } catch (IllegalArgumentException e) {
      send(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
      return;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    send(exchange, 200, JSON, body);
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Stops serving (a request in flight is cut off) and unregisters the JMX meters. */
  @Override
  public void close() {
    refresher.shutdownNow();
    server.stop(0);
    executor.shutdownNow();
    metrics.close();
  }
}
