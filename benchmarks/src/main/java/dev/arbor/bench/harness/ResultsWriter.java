package dev.arbor.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes {@code RESULTS.md} from the result lines of every round ({@code
 * ROUND<TAB>RESULT<TAB>metric<TAB>system<TAB>value<TAB>unit}, {@code ROUND<TAB>PENDING<TAB>metric<TAB>system<TAB>why}
 * or {@code ROUND<TAB>FAILED<TAB>shape<TAB>system<TAB>what}) and the machine's description ({@code
 * key<TAB>value} lines).
 *
 * <p>Per shape and system: the median over rounds with the min–max. Ratios to the baseline, to
 * Erlang and to Pekko are taken round by round (both figures come from the same round, run back to
 * back) and summarised the same way, so that noise shared by a round cancels out. Targets are judged
 * on those medians.
 *
 * <p>Usage: {@code ResultsWriter RAW.tsv MACHINE.tsv OUT.md [ANALYSIS.md]}. RAW.tsv may join the lines of
 * several runs, each shape from one of them, when MACHINE.tsv has a {@code Runs} line saying which.
 */
public final class ResultsWriter {
  /** A figure a shape reports: how to title it, its unit, which way is better, which columns to show. */
  record Shape(String metric, String title, String unit, boolean higherIsBetter, List<String> references) {}

  /** A target from the issue: a ratio of two systems' figures (or one figure against a constant). */
  record Target(String text, String metric, String system, String reference, double bound, boolean atMost) {}

  private static final List<String> PEERS = List.of("vt", "erlang", "pekko");
  /** call.process also has the single-carrier hand-off floor ({@code vt1}, issue 17's baseline). */
  private static final List<String> CALL_PEERS = List.of("vt", "vt1", "erlang", "pekko");
  /** The dist shape's systems are client-server pairs; BEAM to BEAM is the reference. */
  private static final List<String> DIST = List.of("beam-beam");

  /**
   * Shapes whose table also lists each round's figure, in round order: the placement probe, read
   * beside the rounds of the shape that followed it.
   */
  private static final Set<String> PER_ROUND = Set.of("machine.c2c");

  static final List<Shape> SHAPES = List.of(
      new Shape("machine.c2c", "The machine before each shape: round trip of one cache line between its two CPUs (no target)",
          "ns per round trip", false, List.of()),
      new Shape("call.process", "Call round trip: a process calling a server", "ns per call", false, CALL_PEERS),
      new Shape("call.thread", "Call round trip: a plain platform thread calling a server", "ns per call", false, PEERS),
      new Shape("cast.1", "Cast throughput, 1 producer (ending with a confirming call)", "M casts/s", true, PEERS),
      new Shape("cast.4", "Cast throughput, 4 producers (ending with a confirming call)", "M casts/s", true, PEERS),
      new Shape("spawn.start", "Start of an idle server, one after another", "µs per start", false, PEERS),
      new Shape("spawn.heap", "Heap per idle server, after full collections", "bytes", false, PEERS),
      new Shape("spawn.rss", "Resident set per idle server", "bytes", false, PEERS),
      new Shape("ring.hop", "Ring: a token passed around a ring of processes", "ns per hop", false, PEERS),
      new Shape("restart", "Supervised restart: kill a named child until the name resolves to its successor", "µs per restart", false, PEERS),
      new Shape("links.hop", "Exit cascade: the head of a chain of linked processes killed, until the tail's Down",
          "ns per hop", false, List.of("erlang")),
      new Shape("growth.idle0", "Call round trip with no idle server", "ns per call", false, PEERS),
      new Shape("growth.idle1m", "Call round trip with the idle servers of the spawn shape alive", "ns per call", false, PEERS),
      new Shape("growth.ratio", "Cost growth: round trip with the idle servers alive ÷ with none", "ratio", false, PEERS),
      new Shape("mailbox.1", "Mailbox, 1 producer and 1 consumer", "M messages/s taken", true, List.of("clq", "ltq")),
      new Shape("mailbox.4", "Mailbox, 4 producers and 1 consumer", "M messages/s taken", true, List.of("clq", "ltq")),
      new Shape("mailbox.16", "Mailbox, 16 producers and 1 consumer", "M messages/s taken", true, List.of("clq", "ltq")),
      new Shape("dist.echo.1", "Distribution: echo round trip between two nodes, 1 caller", "k round trips/s", true, DIST),
      new Shape("dist.echo.16", "Distribution: echo round trip between two nodes, 16 callers", "k round trips/s", true, DIST),
      new Shape("dist.call.1", "Distribution: gen_server:call-style round trip between two nodes, 1 caller", "k round trips/s", true, DIST),
      new Shape("dist.call.16", "Distribution: gen_server:call-style round trip between two nodes, 16 callers", "k round trips/s", true, DIST),
      new Shape("dist.genserver.1", "Distribution: GenServer.call to a gen_server / @GenServer(remote = true) on another node, 1 caller",
          "k round trips/s", true, DIST),
      new Shape("dist.genserver.16", "Distribution: GenServer.call to a gen_server / @GenServer(remote = true) on another node, 16 callers",
          "k round trips/s", true, DIST),
      new Shape("call.jfr", "Call round trip (a process calling a server) with Arbor's JFR hooks, without them, and recording",
          "ns per call", false, List.of("removed")),
      new Shape("call.jfr.hook", "The JFR check a call makes, with JFR off", "ns per call", false, List.of()),
      new Shape("call.jfr.share", "The JFR check's share of the call round trip, with JFR off", "% of the round trip",
          false, List.of()),
      new Shape("call.metrics", "Call round trip (a process calling a server) with an ArborMetrics binder bound, and without",
          "ns per call", false, List.of("unbound")),
      new Shape("call.metrics.hook", "What a bound ArborMetrics binder adds to a call on the server's thread (two clock reads, one buffer slot)",
          "ns per call", false, List.of()),
      new Shape("call.metrics.share", "The binder's share of the call round trip without it, on the server's thread",
          "% of the round trip", false, List.of()),
      new Shape("call.metrics.drain", "The binder's own thread recording one call's duration into its Micrometer timer",
          "ns per call", false, List.of()),
      new Shape("call.metrics.cpu", "All the binder's work for a call (server's thread and its own) ÷ the round trip without it",
          "% of the round trip", false, List.of()));

  static final List<Target> TARGETS = List.of(
      new Target("call round trip, process to server ≤ 1.25× the bare virtual-thread hand-off", "call.process", "arbor", "vt", 1.25, true),
      new Target("call round trip, process to server ≤ 0.6× Erlang's", "call.process", "arbor", "erlang", 0.6, true),
      new Target("call round trip, process to server ≤ 2× the single-carrier hand-off floor (bare virtual threads, one carrier)",
          "call.process", "arbor", "vt1", 2, true),
      new Target("cast throughput, 1 producer ≥ 2× Erlang's", "cast.1", "arbor", "erlang", 2, false),
      new Target("cast throughput, 4 producers ≥ 4× Erlang's", "cast.4", "arbor", "erlang", 4, false),
      new Target("cast throughput, 1 producer ≥ 1.5× Pekko's", "cast.1", "arbor", "pekko", 1.5, false),
      new Target("cast throughput, 4 producers ≥ 1.5× Pekko's", "cast.4", "arbor", "pekko", 1.5, false),
      new Target("start of an idle server ≤ 0.5× Erlang's", "spawn.start", "arbor", "erlang", 0.5, true),
      new Target("heap per idle server ≤ 1.2× a bare parked virtual thread", "spawn.heap", "arbor", "vt", 1.2, true),
      new Target("heap per idle thread-backed server ≤ Pekko's per actor", "spawn.heap", "arbor", "pekko", 1, true),
      new Target("heap per idle server with hibernateAfter ≤ 400 bytes", "spawn.heap", "arbor-hib", null, 400, true),
      new Target("ring hop ≤ 1.2× the bare virtual-thread ring", "ring.hop", "arbor", "vt", 1.2, true),
      new Target("ring hop ≤ Pekko's", "ring.hop", "arbor", "pekko", 1, true),
      new Target("ring hop against Erlang's (reported, no bound)", "ring.hop", "arbor", "erlang", Double.NaN, true),
      new Target("restart ≤ 0.5× Erlang's", "restart", "arbor", "erlang", 0.5, true),
      new Target("exit cascade per hop ≤ Erlang's", "links.hop", "arbor", "erlang", 1, true),
      new Target("call round trip with the idle servers alive ≤ 1.2× the one with none", "growth.ratio", "arbor", null, 1.2, true),
      new Target("JFR events with JFR off cost ≤ 2% of the call round trip (the hook's time ÷ the round trip's)", "call.jfr.share", "arbor", null, 2, true),
      new Target("dist echo round trip, 1 caller: BEAM → Arbor ≥ BEAM ↔ BEAM", "dist.echo.1", "beam-arbor", "beam-beam", 1, false),
      new Target("dist echo round trip, 1 caller: Arbor ↔ Arbor ≥ BEAM ↔ BEAM", "dist.echo.1", "arbor-arbor", "beam-beam", 1, false),
      new Target("dist echo round trip, 16 callers: BEAM → Arbor ≥ BEAM ↔ BEAM", "dist.echo.16", "beam-arbor", "beam-beam", 1, false),
      new Target("dist echo round trip, 16 callers: Arbor ↔ Arbor ≥ BEAM ↔ BEAM", "dist.echo.16", "arbor-arbor", "beam-beam", 1, false),
      new Target("dist call round trip, 1 caller: BEAM → Arbor ≥ BEAM ↔ BEAM", "dist.call.1", "beam-arbor", "beam-beam", 1, false),
      new Target("dist call round trip, 1 caller: Arbor ↔ Arbor ≥ BEAM ↔ BEAM", "dist.call.1", "arbor-arbor", "beam-beam", 1, false),
      new Target("dist call round trip, 16 callers: BEAM → Arbor ≥ BEAM ↔ BEAM", "dist.call.16", "beam-arbor", "beam-beam", 1, false),
      new Target("dist call round trip, 16 callers: Arbor ↔ Arbor ≥ BEAM ↔ BEAM", "dist.call.16", "arbor-arbor", "beam-beam", 1, false),
      new Target("dist GenServer call, 1 caller: BEAM → Arbor @GenServer ≥ BEAM → BEAM gen_server", "dist.genserver.1", "beam-arbor", "beam-beam", 1, false),
      new Target("dist GenServer call, 1 caller: Arbor client → Arbor @GenServer ≥ BEAM → BEAM gen_server", "dist.genserver.1", "arbor-arbor", "beam-beam", 1, false),
      new Target("dist GenServer call, 16 callers: BEAM → Arbor @GenServer ≥ BEAM → BEAM gen_server", "dist.genserver.16", "beam-arbor", "beam-beam", 1, false),
      new Target("dist GenServer call, 16 callers: Arbor client → Arbor @GenServer ≥ BEAM → BEAM gen_server", "dist.genserver.16", "arbor-arbor", "beam-beam", 1, false),
      new Target("round trip with the hooks ÷ with them removed (reported: a sanity check, noisier than 2%)", "call.jfr", "hooks", "removed", Double.NaN, true),
      new Target("a bound ArborMetrics binder costs ≤ 5% of the call round trip (its work on the call's thread ÷ the round trip without it)", "call.metrics.share", "arbor", null, 5, true),
      new Target("the binder's work per call on both threads ÷ the round trip without it (reported: CPU the machine spends, not the call's wait)", "call.metrics.cpu", "arbor", null, Double.NaN, true),
      new Target("round trip with the binder ÷ without (reported: a sanity check, noisier than 5%)", "call.metrics", "bound", "unbound", Double.NaN, true));

  static final Map<String, String> SYSTEM_NAMES = new LinkedHashMap<>();

  static {
    SYSTEM_NAMES.put("arbor", "Arbor");
    SYSTEM_NAMES.put("arbor-hib", "Arbor, hibernateAfter(0)");
    SYSTEM_NAMES.put("pekko", "Pekko typed");
    SYSTEM_NAMES.put("erlang", "Erlang/OTP");
    SYSTEM_NAMES.put("erlang-hib", "Erlang/OTP, hibernate_after 0");
    SYSTEM_NAMES.put("vt", "bare virtual threads (baseline)");
    SYSTEM_NAMES.put("vt1", "bare virtual threads, one carrier (single-carrier hand-off floor)");
    SYSTEM_NAMES.put("clq", "ConcurrentLinkedQueue");
    SYSTEM_NAMES.put("ltq", "LinkedTransferQueue");
    SYSTEM_NAMES.put("hooks", "Arbor as shipped, JFR off");
    SYSTEM_NAMES.put("removed", "Arbor, hooks removed (`-Darbor.jfr.hooks=false`)");
    SYSTEM_NAMES.put("recording", "Arbor, JFR recording every call");
    SYSTEM_NAMES.put("bound", "Arbor, ArborMetrics bound to a SimpleMeterRegistry");
    SYSTEM_NAMES.put("unbound", "Arbor, no binder");
  }

  private static final Map<String, String> REFERENCE_COLUMNS = Map.of(
      "vt", "× baseline", "vt1", "× one-carrier floor", "erlang", "× Erlang", "pekko", "× Pekko", "clq", "× CLQ", "ltq", "× LTQ",
      "removed", "× hooks removed", "unbound", "× no binder", "beam-beam", "× BEAM↔BEAM");

  /** Every figure: metric → system → round → value. */
  private final Map<String, Map<String, TreeMap<Integer, Double>>> figures = new LinkedHashMap<>();
  private final Map<String, String> pending = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();
  private final TreeSet<Integer> rounds = new TreeSet<>();

  ResultsWriter(List<String> rawLines) {
    for (String line : rawLines) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length < 5) {
        throw new IllegalArgumentException("malformed result line: " + line);
      }
      int round = Integer.parseInt(f[0]);
      rounds.add(round);
      switch (f[1]) {
        case "RESULT" -> figures.computeIfAbsent(f[2], k -> new LinkedHashMap<>())
            .computeIfAbsent(f[3], k -> new TreeMap<>())
            .put(round, Double.parseDouble(f[4]));
        case "PENDING" -> pending.put(f[2] + "\t" + f[3], f[4]);
        case "FAILED" -> failures.add("round " + round + ": " + f[2] + " " + f[3] + ": " + f[4]);
        default -> throw new IllegalArgumentException("unknown result kind in: " + line);
      }
    }
  }

  /** Median, min and max of some values. */
  record Summary(double median, double min, double max, int n) {
    static Summary of(List<Double> values) {
      if (values.isEmpty()) {
        return null;
      }
      double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
      return new Summary(median, v[0], v[v.length - 1], v.length);
    }
  }

  Summary figure(String metric, String system) {
    Map<Integer, Double> byRound = figures.getOrDefault(metric, Map.of()).get(system);
    return byRound == null ? null : Summary.of(new ArrayList<>(byRound.values()));
  }

  /** {@code system}'s figure divided by {@code reference}'s, in each round that has both. */
  Summary ratio(String metric, String system, String reference) {
    Map<Integer, Double> a = figures.getOrDefault(metric, Map.of()).get(system);
    Map<Integer, Double> b = figures.getOrDefault(metric, Map.of()).get(reference);
    if (a == null || b == null) {
      return null;
    }
    List<Double> ratios = new ArrayList<>();
    a.forEach((round, value) -> {
      Double other = b.get(round);
      if (other != null && other != 0) {
        ratios.add(value / other);
      }
    });
    return Summary.of(ratios);
  }

  String render(Map<String, String> machine, String analysis) {
    StringBuilder md = new StringBuilder();
    md.append("# Arbor benchmarks: results\n\n");
    // A machine description with "Runs" merges runs (raw lines of different shapes from each): it
    // names them and their rounds itself.
    boolean merged = machine.containsKey("Runs");
    md.append("Written by `benchmarks/run` from ").append(merged ? "the runs below, each shape from one of them" : "one run")
        .append("; do not edit by hand (the analysis at the end comes from `benchmarks/ANALYSIS.md`). Every system ran "
            + "every shape in every round, back to back, on the same machine.\n\n");
    md.append("| | |\n|---|---|\n");
    machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
    if (!merged) {
      md.append("| Rounds | ").append(rounds.size()).append(" |\n");
    }
    md.append('\n');

    md.append("## Targets\n\n");
    md.append("Each ratio is taken round by round and summarised as median (min–max over rounds).\n\n");
    md.append("| Target | Measured | Verdict |\n|---|---|---|\n");
    List<String> notRun = new ArrayList<>();
    for (Target t : TARGETS) {
      String pendingWhy = pending.get(t.metric() + "\t" + t.system());
      if (!figures.containsKey(t.metric()) && pendingWhy == null) {
        notRun.add(t.text());
        continue;
      }
      md.append("| ").append(t.text()).append(" | ");
      Summary s = t.reference() == null ? figure(t.metric(), t.system()) : ratio(t.metric(), t.system(), t.reference());
      if (s == null) {
        md.append("— | ").append(pendingWhy != null ? "pending: " + pendingWhy : "no data").append(" |\n");
        continue;
      }
      String unit = t.reference() == null && !t.metric().equals("growth.ratio") ? " " + unitOf(t.metric()) : "×";
      md.append(number(s.median())).append(unit).append(" (").append(number(s.min())).append("–")
          .append(number(s.max())).append(")");
      md.append(" | ").append(verdict(t, s)).append(" |\n");
    }
    md.append('\n');
    if (!notRun.isEmpty()) {
      md.append("Not measured in this run (their shapes were not run): ").append(String.join("; ", notRun)).append(".\n\n");
    }

    md.append("## Results by shape\n\n");
    md.append("Figures are medians over rounds (min–max). A ratio column is the row's figure divided by that "
        + "system's, round by round, then the median; below 1 means smaller (for times and bytes, better; for "
        + "throughput, worse).\n\n");
    for (Shape shape : SHAPES) {
      Map<String, TreeMap<Integer, Double>> bySystem = figures.get(shape.metric());
      List<String> pendingHere = new ArrayList<>();
      pending.forEach((key, why) -> {
        if (key.startsWith(shape.metric() + "\t")) {
          pendingHere.add(SYSTEM_NAMES.getOrDefault(key.substring(key.indexOf('\t') + 1), key) + ": pending: " + why);
        }
      });
      if (bySystem == null && pendingHere.isEmpty()) {
        continue;
      }
      md.append("### ").append(shape.title()).append("\n\n");
      md.append(shape.unit()).append(", ").append(shape.higherIsBetter() ? "higher" : "lower").append(" is better.\n\n");
      if (bySystem != null) {
        boolean perRound = PER_ROUND.contains(shape.metric());
        md.append("| System | Median | Min–max |");
        shape.references().forEach(r -> md.append(' ').append(REFERENCE_COLUMNS.get(r)).append(" |"));
        md.append(perRound ? " Round by round |" : "");
        md.append("\n|---|---:|---:|");
        shape.references().forEach(r -> md.append("---:|"));
        md.append(perRound ? "---:|" : "");
        md.append('\n');
        for (String system : orderedSystems(bySystem.keySet())) {
          Summary s = figure(shape.metric(), system);
          md.append("| ").append(SYSTEM_NAMES.getOrDefault(system, system)).append(" | ").append(number(s.median()))
              .append(" | ").append(number(s.min())).append("–").append(number(s.max())).append(" |");
          if (perRound) {
            md.append(' ').append(bySystem.get(system).values().stream().map(ResultsWriter::number)
                .collect(Collectors.joining(" / "))).append(" |");
          }
          for (String r : shape.references()) {
            Summary q = system.equals(r) ? null : ratio(shape.metric(), system, r);
            md.append(' ').append(q == null ? "—" : number(q.median()) + " (" + number(q.min()) + "–" + number(q.max()) + ")")
                .append(" |");
          }
          md.append('\n');
        }
        md.append('\n');
      }
      for (String p : pendingHere) {
        md.append("- ").append(p).append('\n');
      }
      if (!pendingHere.isEmpty()) {
        md.append('\n');
      }
    }
    if (!failures.isEmpty()) {
      md.append("## Failures\n\n");
      failures.forEach(f -> md.append("- ").append(f).append('\n'));
      md.append('\n');
    }
    md.append(HOW);
    if (analysis != null && !analysis.isBlank()) {
      md.append('\n').append(analysis.strip()).append('\n');
    }
    return md.toString();
  }

  private static String verdict(Target t, Summary s) {
    if (Double.isNaN(t.bound())) {
      return "reported";
    }
    boolean met = t.atMost() ? s.median() <= t.bound() : s.median() >= t.bound();
    boolean everyRound = t.atMost() ? s.max() <= t.bound() : s.min() >= t.bound();
    String bound = (t.atMost() ? "≤ " : "≥ ") + java.math.BigDecimal.valueOf(t.bound()).stripTrailingZeros().toPlainString();
    if (met) {
      return everyRound ? "**met** (" + bound + ")" : "**met** on the median, not in every round (" + bound + ")";
    }
    return "**missed** (" + bound + ")";
  }

  private String unitOf(String metric) {
    return SHAPES.stream().filter(s -> s.metric().equals(metric)).findFirst().map(Shape::unit).orElse("");
  }

  private static List<String> orderedSystems(Set<String> present) {
    List<String> ordered = new ArrayList<>();
    SYSTEM_NAMES.keySet().forEach(s -> {
      if (present.contains(s)) {
        ordered.add(s);
      }
    });
    present.stream().filter(s -> !ordered.contains(s)).sorted().forEach(ordered::add);
    return ordered;
  }

  /** Three significant figures or so, with thousands separators for large numbers. */
  static String number(double v) {
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static final String HOW = """
      ## How each shape is measured

      JMH shapes run with one fork per system; they and the plain harnesses warm up for five iterations of 1 s \
      and measure three (quick: one and two of 0.4 s), because a call's path through a server loop takes the \
      JVM's JIT seconds to settle; `arbor_bench.erl` uses the same scheme with two warm-up iterations (the BEAM \
      compiles its code as it loads it). The score is the mean of the measured iterations. The JVM systems run on the same JDK with the same heap settings; Pekko \
      uses its default dispatcher; Erlang runs with `+P 2100000` and its default schedulers.

      - **call.process**: a process (Arbor process, Pekko actor, Erlang process, bare virtual thread) makes \
      10,000 calls one after another to an echo server and the time per call is taken. Arbor: \
      `EchoServerClient.echo` (a `@Call`, through `ServerRef.call`, default 5 s timeout); Pekko: request with \
      `replyTo` = the calling actor, answer, next request; Erlang: `gen_server:call`; baseline: one volatile \
      write and one `unpark` each way between two virtual threads, `park` while waiting (`VtEcho`). The \
      single-carrier hand-off floor (`vt1`): the baseline's ping-pong in a JVM whose virtual threads have \
      one carrier thread (`-Djdk.virtualThreadScheduler.parallelism=1`), so that an `unpark` never wakes \
      another core: what a hand-off costs when no core has to be woken (`OneCarrierCallBenchmark`). \
      (`dev.arbor.bench.call.CallBenchmark.fromProcess`)
      - **machine.c2c**: before each shape of each round, two platform threads pass a counter through a \
      volatile field, each spinning until it is its turn; ns per round trip, the median of 9 segments of \
      50,000, one row per shape that followed, with each round's figure in order. It is what any hand-off \
      between two carriers pays at least, and on a shared virtual machine it changes with where the host \
      puts the two CPUs (about 60 ns when they share a cache, about 480 ns when they do not, minutes apart \
      on one machine): read a shape's rounds beside it. (`dev.arbor.bench.machine.CoreToCore`)
      - **call.thread**: the benchmark's platform thread calls the server (Pekko: `AskPattern.ask` and waiting \
      on the future; baseline: the same hand-off with a platform thread on one side). Erlang has no such \
      thread. (`CallBenchmark.fromThread`)
      - **cast.1 / cast.4**: 1 or 4 producers, started afresh per batch, together cast 100,000 messages into one \
      server; the batch ends with a call that reads the server's count, which must equal every cast sent so \
      far. Baseline: virtual threads `put` into a `LinkedTransferQueue` that a virtual thread `take`s from. \
      (`dev.arbor.bench.cast.CastBenchmark`)
      - **spawn.start / spawn.heap / spawn.rss**: one process starts the idle servers one after another (Arbor: \
      the client's `start`, which returns after init; Erlang: `gen_server:start`; Pekko: `spawnAnonymous` from \
      one actor, timed until every child has run its setup, since Pekko's spawn does not wait; baseline: a \
      virtual thread started and waited for until it runs, then parked). Heap: used heap after full \
      collections, before and after, divided by the count (Erlang: `erlang:memory(total)` after garbage \
      collecting each server). RSS: `VmRSS` before and after, divided by the count. The hibernated rows start \
      each server with `hibernateAfter(Duration.ZERO)` (Erlang: `{hibernate_after, 0}`) and wait until all \
      hibernated. (`dev.arbor.bench.spawn.SpawnHarness`)
      - **growth**: in the same run, the call.process round trip to another server before the idle servers \
      are started and again while they are all alive, each right after the full collections that measure \
      the heap, in JVMs whose heap is fixed at 8 GB (`-Xms8g -Xmx8g`: a heap grown on demand keeps G1 \
      marking the million live servers concurrently, which slowed Arbor's second call up to threefold). \
      (`SpawnHarness`)
      - **ring.hop**: a ring of processes (Arbor: `Proc.spawn`/`receive`/`send`, no GenServer) passes an \
      integer token that counts down; time per hop, ring building excluded. The JVM systems first build a \
      ring, run it for the warm-up laps and leave it idle, then build the measured ring, so that its \
      processes start in compiled code (a process's loop that starts interpreted stays so until on-stack \
      replacement picks it); Erlang compiles its code as it loads it. Baseline: virtual threads with a \
      one-slot volatile inbox and `unpark`. (`dev.arbor.bench.ring.RingHarness`)
      - **restart**: Erlang: a `one_for_one` supervisor with a permanent child registered as `bench_child`; \
      `exit(Pid, kill)` then `whereis` until it names a new pid; a fresh supervisor per batch of 200, because \
      a supervisor checks its restart history at each restart; supervisor reports off. Pekko (for reference): \
      restart in place by `SupervisorStrategy.restart()` after a failure, until the next request is answered. \
      (`dev.arbor.bench.restart.RestartHarness`)
      - **links.hop**: an exit cascade: a chain of processes, each spawned by and linked to the one before \
      it (Arbor: `Proc.spawnLink`; Erlang: `spawn_link`), none trapping exits; the head is killed \
      (`Proc.exit(head, ExitReason.kill())`; Erlang: `exit(Head, kill)`) and the time until a monitor of \
      the tail reports its `Down` (Erlang: `'DOWN'`) is divided by the chain's length; building the chain is \
      not timed. One chain per iteration (quick: 1 warm-up and 2 measured; full: 2 and 3). \
      (`dev.arbor.bench.links.LinksHarness`, `arbor_bench.erl`)
      - **mailbox.N**: JMH `@Group` with N producer threads offering and one consumer thread polling; the \
      figure is the consumer's rate. Producers more than 1M messages ahead yield (checked once per 1,024 \
      offers). (`dev.arbor.bench.mailbox.MailboxBenchmark`)
      - **call.jfr** (only with `--only jfr`): the check every call makes for JFR (`ArborEvents.callStarted()`, \
      JFR off) timed alone, and its share of the call.process round trip as shipped; that share is the \
      target. Beside it, the call.process shape for Arbor alone in JVMs that differ in one flag: as shipped, \
      JFR off; with `-Darbor.jfr.hooks=false`, which folds the hooks away (two pairs per round in the order \
      ABBA, each figure the median of two forks); and with an in-memory recording \
      (`-XX:StartFlightRecording:disk=false`) that commits a `dev.arbor.Call` event per call. \
      (`dev.arbor.bench.jfr.JfrOverheadBenchmark`)
      - **call.metrics** (only with `--only metrics`): what a bound `ArborMetrics` binder adds to a call on the \
      server's thread, timed alone (`ArborEvents.callClock()` and `callFinished`: two clock reads and one slot \
      of the binder's buffer), and its share of the call.process round trip without a binder; that share is the \
      target. Then what the binder's own thread spends per call recording the buffered duration into the \
      `arbor.server.calls` timer with its percentile histogram (a `SimpleMeterRegistry`), and both together as \
      a share of the round trip. Beside them, the call.process shape with the binder bound and without, two \
      pairs per round in the order ABBA. (`dev.arbor.bench.metrics.MetricsOverheadBenchmark`)
      - **dist.echo.N, dist.call.N, dist.genserver.N**: two nodes on loopback with a private \
      epmd; a server node registers `echo` (sends `{Ref, Msg}` back), `gecho` (a call answered with its \
      request) and `counter` (a call `{increment_by, N}` answered with the new count); N caller processes on \
      the client node each make 2,000 (quick) or 20,000 round trips after running the same shape, \
      unmeasured, for 1 s (quick) or 3 s; the figure is all round trips ÷ the wall time. Systems are \
      client-server: `beam-beam` and `beam-arbor` are one Erlang client (`dist_bench.erl`) with a BEAM \
      server and an Arbor server up at once, each row measured against both in turn (which first \
      alternates with the rounds), so that a row's two figures are seconds apart; `arbor-arbor` is two \
      Arbor JVMs (`dev.arbor.bench.dist.DistBench`). Echo is a registered send and a \
      reply; call is `gen_server:call` (Arbor: the same `$gen_call` message and `{Tag, Reply}` answer, by \
      hand). genserver is `GenServer.call` between servers as users write them: on BEAM a plain \
      `gen_server` (`dist_counter.erl`; an Elixir `GenServer` is an Erlang `gen_server` at run time, and \
      Elixir's `GenServer.call` is the `gen:call/4` that `gen_server:call` runs), on Arbor a \
      `@GenServer(remote = true)` class (`DistCounter`); the Arbor client calls it through its generated \
      client, `DistCounterClient.of(Name.remote("counter", node)).incrementBy(1)`.
      """;

  public static void main(String[] args) throws IOException {
    if (args.length < 3 || args.length > 4) {
      throw new IllegalArgumentException("usage: ResultsWriter RAW.tsv MACHINE.tsv OUT.md [ANALYSIS.md]");
    }
    List<String> raw = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    Map<String, String> machine = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        machine.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    String analysis = null;
    if (args.length == 4 && Files.exists(Path.of(args[3]))) {
      analysis = Files.readString(Path.of(args[3]), StandardCharsets.UTF_8);
    }
    Files.writeString(Path.of(args[2]), new ResultsWriter(raw).render(machine, analysis), StandardCharsets.UTF_8);
    System.out.println("wrote " + args[2] + " from " + raw.size() + " result lines: " + Arrays.toString(args));
  }
}
