package dev.arbor.bench.observer;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.bench.call.ArborCaller;
import dev.arbor.bench.call.Caller;
import dev.arbor.bench.common.Result;
import dev.arbor.observer.Observer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The observer's two performance figures, in one JVM:
 *
 * <ul>
 *   <li>{@code observer.first}: with {@value #PROCESSES} idle processes alive, milliseconds from
 *       opening the processes page's event stream (sorted by mailbox length, descending, so every row
 *       is compared) to its first data, each time with a freshly started observer (no cached snapshot).
 *       The median and the slowest of {@value #FIRST_TRIES} tries.
 *   <li>{@code observer.call}: the call round trip (a process calling an {@code EchoServer}, as in
 *       {@code call.process}) with no observer, with an observer whose overview page (the landing
 *       page) is open and idle, and with one whose Calls page is open (the one view that times every
 *       call). A round trip on a shared 2-core machine moves by tens of per cent from one JVM to the
 *       next, far more than 2%, so all three run in the same JVM, in short segments rotated round by
 *       round (none, overview, calls; then the reverse); the figures are medians over the segments, the
 *       ratios medians of each round's own ratio.
 * </ul>
 *
 * <p>Run: {@code benchmarks/run --only observer} (it prints the figures; RESULTS.md's observer
 * section quotes them), or {@code java -Xms2g -Xmx2g -cp
 * "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
 * dev.arbor.bench.observer.ObserverHarness full}.
 */
public final class ObserverHarness {
  static final int PROCESSES = 100_000;
  static final int FIRST_TRIES = 5;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ObserverHarness() {}

  public static void main(String[] args) throws Exception {
    boolean quick = switch (args.length == 1 ? args[0] : "") {
      case "quick" -> true;
      case "full" -> false;
      default -> throw new IllegalArgumentException("usage: ObserverHarness quick|full");
    };
    calls(quick);
    firstData();
    System.exit(0);
  }

  // ---------------------------------------------------------------- first data with 100,000 processes

  private static void firstData() throws Exception {
    List<Pid> idle = new ArrayList<>(PROCESSES);
    for (int i = 0; i < PROCESSES; i++) {
      idle.add(Proc.spawn(() -> Proc.receive()));
    }
    List<Double> millis = new ArrayList<>();
    for (int t = 0; t < FIRST_TRIES; t++) {
      try (Observer observer = Observer.start()) {
        String token = observer.url().getQuery().substring("token=".length());
        URI uri = URI.create("http://127.0.0.1:" + observer.port()
            + "/events/processes?sort=mailbox&dir=desc&page=0&size=50&token=" + token);
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
        String data = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("data: ")) {
              data = line;
              break;
            }
          }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (data == null || !data.contains("\"total\":")) {
          throw new IllegalStateException("no data from the processes stream: " + data);
        }
        millis.add(ms);
        System.out.println(String.format(Locale.ROOT, "observer.first try %d: %.1f ms, %s", t + 1, ms,
            data.replaceAll(".*(\"total\":\\d+).*(\"millis\":\\d+).*", "$1 $2")));
      }
    }
    Result.print("observer.first", "median", median(millis), "ms");
    Result.print("observer.first", "max", millis.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), "ms");
    for (Pid p : idle) {
      Proc.exit(p, ExitReason.kill());
    }
  }

  // ---------------------------------------------------------------- call round trip, observer or not

  private enum Page { NONE, OVERVIEW, CALLS }

  @SuppressWarnings("try")
  private static void calls(boolean quick) throws Exception {
    long segmentNanos = Duration.ofMillis(quick ? 200 : 250).toNanos();
    int rounds = quick ? 4 : 60;
    Caller caller = new ArborCaller();
    try (var me = Proc.adopt()) {
      for (Page p : Page.values()) { // warm-up: every state once, twice over
        segment(caller, p, segmentNanos);
        segment(caller, p, segmentNanos);
      }
      List<Double> none = new ArrayList<>();
      List<Double> overview = new ArrayList<>();
      List<Double> callsPage = new ArrayList<>();
      List<Double> overviewRatio = new ArrayList<>();
      List<Double> callsRatio = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        List<Page> order = round % 2 == 0 ? List.of(Page.NONE, Page.OVERVIEW, Page.CALLS)
            : List.of(Page.CALLS, Page.OVERVIEW, Page.NONE);
        double n = 0;
        double o = 0;
        double t = 0;
        for (Page p : order) {
          double ns = segment(caller, p, segmentNanos);
          switch (p) {
            case NONE -> n = ns;
            case OVERVIEW -> o = ns;
            case CALLS -> t = ns;
          }
        }
        none.add(n);
        overview.add(o);
        callsPage.add(t);
        overviewRatio.add(o / n);
        callsRatio.add(t / n);
        System.out.println(String.format(Locale.ROOT, "observer.call round %d: none %.0f ns, overview open %.0f ns (%.3f), calls page open %.0f ns (%.3f)",
            round + 1, n, o, o / n, t, t / n));
      }
      Result.print("observer.call", "none", median(none), "ns");
      Result.print("observer.call", "overview", median(overview), "ns");
      Result.print("observer.call", "calls", median(callsPage), "ns");
      Result.print("observer.call.ratio", "overview", median(overviewRatio), "x");
      Result.print("observer.call.ratio", "calls", median(callsRatio), "x");
    } finally {
      caller.close();
    }
  }

  /** Nanoseconds per call over one segment with {@code page} open (an observer started for it, or none). */
  private static double segment(Caller caller, Page page, long nanos) throws Exception {
    Observer observer = page == Page.NONE ? null : Observer.start();
    InputStream stream = null;
    try {
      if (observer != null) {
        String token = observer.url().getQuery().substring("token=".length());
        URI uri = URI.create("http://127.0.0.1:" + observer.port() + "/events/" + page.name().toLowerCase(Locale.ROOT)
            + "?token=" + token);
        stream = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream()).body();
        InputStream open = stream;
        Thread.ofVirtual().start(() -> drain(open)); // the browser: reads each event as it comes
      }
      long calls = 0;
      long t0 = System.nanoTime();
      long elapsed;
      do {
        if (caller.fromProcess(Caller.BATCH) != Caller.expectedSum(Caller.BATCH)) {
          throw new AssertionError("a batch of calls returned a wrong sum");
        }
        calls += Caller.BATCH;
        elapsed = System.nanoTime() - t0;
      } while (elapsed < nanos);
      return (double) elapsed / calls;
    } finally {
      if (stream != null) {
        stream.close();
      }
      if (observer != null) {
        observer.close();
      }
    }
  }

  private static void drain(InputStream in) {
    byte[] buffer = new byte[8192];
    try {
      while (in.read(buffer) >= 0) {
        // discard: an open page only receives
      }
    } catch (java.io.IOException closed) {
      // the segment ended
    }
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
