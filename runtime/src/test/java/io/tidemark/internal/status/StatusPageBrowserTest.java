package io.tidemark.internal.status;

import static io.tidemark.internal.status.StatusTesting.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.schema.Fingerprint;
import io.tidemark.schema.Serializer;
import io.tidemark.schema.Serializers;
import io.tidemark.function.KV;
import io.tidemark.stream.PairDStream;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status page in a real browser (Debian's headless Chromium through Selenium): it loads, follows new
 * batches without a reload, shows the stages and the checkpoint, and keeps working while the pipeline
 * restarts from its checkpoint and after an upgrade (the state's value widened from int to long, a
 * stateful stage added). Content is asserted, never pixels; screenshots go to {@code target/} for a person.
 */
class StatusPageBrowserTest {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final List<List<String>> LINES = IntStream.range(0, 20)
      .mapToObj(i -> List.of("a b", "c " + "d".repeat(i % 4 + 1))).toList();

  @TempDir
  Path dir;

  private WebDriver browser;
  private StreamingTestHarness harness;
  private final int port = freePort();

  @BeforeEach
  void openBrowser() throws Exception {
    // never skipped: CI installs both (.ci/run), and a developer must too (README)
    assertThat(new File(CHROMIUM).canExecute()).as("Chromium: apt-get install -y chromium chromium-driver").isTrue();
    assertThat(new File(CHROMEDRIVER).canExecute()).as("chromedriver: apt-get install -y chromium chromium-driver").isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory("chrome-profile"), "--window-size=1400,2600");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeAll() {
    try {
      if (harness != null) {
        harness.close();
      }
    } finally {
      if (browser != null) {
        browser.quit();
      }
    }
  }

  /** Version 1 keeps an int total per word; version 2 a long, and the longest word per first letter too. */
  private StreamingContext wordCount(ManualClock clock, boolean upgraded) {
    return StreamingContext.getOrCreate(dir.toString(), () -> {
      StreamingContext context = StreamingContext.builder(Duration.ofSeconds(1)).name("wordcount").clock(clock)
          .parallelism(2).checkpointInterval(Duration.ofSeconds(2)).uiPort(port).build();
      PairDStream<String, Long> words = context.queueStream(new ConcurrentLinkedQueue<>(LINES), true).uid("lines")
          .flatMap(line -> List.of(line.split(" "))).uid("words")
          .mapToPair(word -> KV.of(word, 1L)).uid("pairs");
      if (upgraded) {
        words.updateStateByKey("totals", Serializers.strings(), Serializers.longs(),
                (List<Long> ones, Optional<Long> total) -> total.orElse(0L) + ones.size())
            .foreachBatch((time, batch) -> { }).uid("out");
        words.mapToPair(kv -> KV.of(kv.key().substring(0, 1), kv.key().length()))
            .updateStateByKey("longest", Serializers.strings(), Serializers.ints(),
                (List<Integer> lengths, Optional<Integer> max) ->
                    Math.max(max.orElse(0), lengths.stream().mapToInt(Integer::intValue).max().orElse(0)))
            .foreachBatch((time, batch) -> { }).uid("longest-out");
      } else {
        Serializer<Integer> ints = Serializers.ints();
        words.updateStateByKey("totals", Serializers.strings(), ints,
                (List<Long> ones, Optional<Integer> total) -> total.orElse(0) + ones.size())
            .foreachBatch((time, batch) -> { }).uid("out");
      }
      return context;
    });
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
  }

  /** The text of element {@code id}, read in one go (the page redraws while the test reads). */
  private String text(String id) {
    Object text = ((JavascriptExecutor) browser).executeScript(
        "const e = document.getElementById(arguments[0]); return e === null ? null : e.innerText;", id);
    return text == null ? "" : text.toString().trim();
  }

  private String attribute(String id, String name) {
    Object value = ((JavascriptExecutor) browser).executeScript(
        "const e = document.getElementById(arguments[0]); return e === null ? null : e.getAttribute(arguments[1]);",
        id, name);
    return value == null ? "" : value.toString();
  }

  private long lastBatchOnTimeline() {
    String last = attribute("timeline-input", "data-last-batch-time");
    return last.isEmpty() ? -1 : Long.parseLong(last);
  }

  /** The rows of a table's body: each row's {@code key} attribute with its cells' texts, read in one go. */
  @SuppressWarnings("unchecked")
  private Map<String, List<String>> rows(String tableId, String key) {
    List<List<String>> rows = (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
        "return [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')].map(r =>"
            + " [r.getAttribute(arguments[1]), ...[...r.cells].map(c => c.innerText.trim())]);", tableId, key);
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    rows.forEach(row -> byKey.put(row.get(0), row.subList(1, row.size())));
    return byKey;
  }

  /** The stage table: each stage id with its cells. */
  private Map<String, List<String>> stageTable() {
    return rows("stage-table", "data-stage-id");
  }

  private void screenshot(String name) throws Exception {
    Path file = Path.of("target", name);
    Files.createDirectories(file.getParent());
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    Files.write(file, png);
  }

  @Test
  @Timeout(180)
  void thePageFollowsThePipelineThroughARestartAndAnUpgrade() throws Exception {
    ManualClock clock = new ManualClock();
    harness = new StreamingTestHarness(wordCount(clock, false), clock);
    harness.runBatches(3);
    browser.get(harness.context().statusPageUrl().orElseThrow().toString());
    waiting().until(d -> text("connection").equals("live") && lastBatchOnTimeline() == 3000);
    assertThat(text("pipeline-name")).isEqualTo("wordcount");
    assertThat(rows("batch-table", "data-batch-time").keySet()).containsExactly("3000", "2000", "1000");

    // batches that arrive after the page loaded show up without a reload
    harness.runBatches(2);
    waiting().until(d -> lastBatchOnTimeline() == 5000);
    assertThat(attribute("timeline-input", "data-points")).isEqualTo("5");
    assertThat(rows("batch-table", "data-batch-time").keySet()).containsExactly("5000", "4000", "3000", "2000", "1000");
    waiting().until(d -> text("sum-completed").equals("5"));
    assertThat(text("sum-records")).isEqualTo("10");

    Map<String, List<String>> stages = stageTable();
    assertThat(stages.keySet()).containsExactly("lines", "words", "pairs", "totals", "out");
    assertThat(stages.get("lines").get(1)).isEqualTo("source (queue)");
    assertThat(stages.get("totals").get(1)).isEqualTo("updateStateByKey");
    assertThat(stages.get("totals").get(2)).isEqualTo("pairs");
    assertThat(stages.get("totals").get(4)).isEqualTo("7"); // a, b, c, d, dd, ddd, dddd
    assertThat(stages.get("totals").get(5)).endsWith("B");
    assertThat(stages.get("totals").get(7)).isEqualTo(Fingerprint.hex(Serializers.strings().fingerprint()));
    assertThat(stages.get("totals").get(8)).isEqualTo(Fingerprint.hex(Serializers.ints().fingerprint()));
    assertThat(browser.findElements(By.cssSelector("#graph svg g.node"))).hasSize(5);

    assertThat(text("ckpt-directory")).isEqualTo("file:" + dir.toRealPath());
    assertThat(text("ckpt-owner")).startsWith("pid " + ProcessHandle.current().pid());
    assertThat(text("ckpt-recovered")).isEqualTo("nothing: this run started afresh");
    assertThat(attribute("ckpt-retained", "data-count")).isEqualTo("3");
    assertThat(text("ckpt-compat-verdict")).isEqualTo("AS_IS");
    assertThat(rows("ckpt-state-table", "data-stage-id").keySet()).containsExactly("totals");
    assertThat(text("config-table")).contains("ui.port");
    screenshot("status-page.png");

    // the pipeline stops: the page says so and keeps asking
    harness.close();
    harness = null;
    waiting().until(d -> text("connection").startsWith("disconnected"));

    // it restarts from its checkpoint on the same port: the page follows the new run, no reload
    ManualClock restarted = new ManualClock(5000);
    harness = new StreamingTestHarness(wordCount(restarted, false), restarted);
    harness.runBatches(2);
    assertThat(harness.context().statusPageUrl().orElseThrow().getPort()).isEqualTo(port);
    waiting().until(d -> text("connection").equals("live") && lastBatchOnTimeline() == 7000);
    waiting().until(d -> !text("ckpt-recovered-verdict").isEmpty());
    assertThat(text("ckpt-recovered-verdict")).isEqualTo("AS_IS");
    assertThat(text("ckpt-recovered")).contains("batch ");
    assertThat(text("stats-caption")).contains("7 batches").contains("1 restart(s)");
    assertThat(attribute("timeline-input", "data-points")).isEqualTo("7");
    screenshot("status-page-restarted.png");

    // an upgrade: the page shows the new stage and the running code's verdict on the old checkpoint
    harness.close();
    harness = null;
    ManualClock upgraded = new ManualClock(7000);
    harness = new StreamingTestHarness(wordCount(upgraded, true), upgraded);
    harness.runBatches(2);
    waiting().until(d -> lastBatchOnTimeline() == 9000 && stageTable().containsKey("longest"));
    stages = stageTable();
    assertThat(stages.keySet()).containsExactly("lines", "words", "pairs", "totals", "mapToPair-4", "longest", "out",
        "longest-out");
    assertThat(stages.get("totals").get(8)).isEqualTo(Fingerprint.hex(Serializers.longs().fingerprint()));
    assertThat(stages.get("longest").get(4)).isEqualTo("4"); // a, b, c, d
    waiting().until(d -> text("ckpt-recovered-verdict").equals("AFTER_MIGRATION"));
    assertThat(text("ckpt-recovered")).contains("totals.value");
    // the oldest checkpoint kept was written by the old code: the running code reads it after migration
    waiting().until(d -> text("ckpt-compat-verdict").equals("AFTER_MIGRATION"));
    assertThat(text("ckpt-compat-findings")).contains("totals.value");
    assertThat(text("stats-caption")).contains("9 batches").contains("2 restart(s)");
    screenshot("status-page-upgraded.png");
  }
}
