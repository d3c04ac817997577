package dev.arbor.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RESULTS.md writer on made-up result lines; runs no benchmark. */
class ResultsWriterTest {
  private static final List<String> RAW = List.of(
      "1\tRESULT\tcall.process\tarbor\t1100\tns",
      "1\tRESULT\tcall.process\tvt\t800\tns",
      "1\tRESULT\tcall.process\terlang\t1250\tns",
      "2\tRESULT\tcall.process\tarbor\t1200\tns",
      "2\tRESULT\tcall.process\tvt\t1000\tns",
      "2\tRESULT\tcall.process\terlang\t1300\tns",
      "3\tRESULT\tcall.process\tarbor\t900\tns",
      "3\tRESULT\tcall.process\tvt\t1000\tns",
      "1\tRESULT\tcall.process\tvt1\t500\tns",
      "2\tRESULT\tcall.process\tvt1\t600\tns",
      "1\tRESULT\tlinks.hop\tarbor\t1500\tns",
      "1\tRESULT\tlinks.hop\terlang\t1600\tns",
      "2\tRESULT\tlinks.hop\tarbor\t1900\tns",
      "2\tRESULT\tlinks.hop\terlang\t2000\tns",
      "1\tRESULT\tspawn.heap\tarbor-hib\t350\tB",
      "2\tRESULT\tspawn.heap\tarbor-hib\t420\tB",
      "1\tPENDING\trestart\tarbor\tsupervision not merged",
      "2\tFAILED\tring\tpekko\texit 1");

  private final ResultsWriter writer = new ResultsWriter(RAW);

  @Test
  void figuresAreMediansWithMinAndMaxOverRounds() {
    ResultsWriter.Summary s = writer.figure("call.process", "arbor");
    assertEquals(1100, s.median());
    assertEquals(900, s.min());
    assertEquals(1200, s.max());
    assertEquals(3, s.n());
  }

  @Test
  void ratiosAreTakenRoundByRoundOverRoundsThatHaveBoth() {
    ResultsWriter.Summary vt = writer.ratio("call.process", "arbor", "vt");
    assertEquals(1.2, vt.median(), 1e-9); // 1.375, 1.2, 0.9
    assertEquals(0.9, vt.min(), 1e-9);
    assertEquals(1.375, vt.max(), 1e-9);
    ResultsWriter.Summary erlang = writer.ratio("call.process", "arbor", "erlang");
    assertEquals(2, erlang.n()); // round 3 has no Erlang figure
    assertEquals((0.88 + 1200.0 / 1300) / 2, erlang.median(), 1e-9);
    assertNull(writer.ratio("call.process", "arbor", "pekko"));
  }

  @Test
  void targetsAreJudgedOnTheMedianAndSayWhenNotEveryRoundMetThem() {
    String md = writer.render(new LinkedHashMap<>(Map.of("Command", "`benchmarks/run`")), null);
    assertTrue(md.contains("| call round trip, process to server ≤ 1.25× the bare virtual-thread hand-off | 1.20× (0.90–1.38) "
        + "| **met** on the median, not in every round (≤ 1.25) |"), md);
    assertTrue(md.contains("| call round trip, process to server ≤ 0.6× Erlang's | 0.90× (0.88–0.92) | **missed** (≤ 0.6) |"), md);
    assertTrue(md.contains("| heap per idle server with hibernateAfter ≤ 400 bytes | 385 bytes (350–420) | **met** on the median"), md);
    assertTrue(md.contains("| restart ≤ 0.5× Erlang's | — | pending: supervision not merged |"), md);
    assertTrue(md.contains("| call round trip, process to server ≤ 2× the single-carrier hand-off floor (bare virtual threads, "
        + "one carrier) | 2.10× (2.00–2.20) | **missed** (≤ 2) |"), md); // 1100 / 500, 1200 / 600
    assertTrue(md.contains("| exit cascade per hop ≤ Erlang's | 0.94× (0.94–0.95) | **met** (≤ 1) |"), md);
    // A target whose shape did not run at all is listed under the table, not judged.
    assertTrue(md.contains("Not measured in this run (their shapes were not run): "), md);
    assertTrue(md.matches("(?s).*Not measured in this run[^\n]*cast throughput, 1 producer ≥ 2× Erlang's.*"), md);
    assertFalse(md.contains("| cast throughput, 1 producer"), md);
  }

  @Test
  void shapeTablesShowEverySystemWithItsRatiosAndPendingAndFailedRuns() {
    String md = writer.render(new LinkedHashMap<>(), "## Analysis\n\nhand-written");
    assertTrue(md.contains("| System | Median | Min–max | × baseline | × one-carrier floor | × Erlang | × Pekko |"), md);
    assertTrue(md.contains("| Arbor | 1,100 | 900–1,200 | 1.20 (0.90–1.38) | 2.10 (2.00–2.20) | 0.90 (0.88–0.92) | — |"), md);
    assertTrue(md.contains("| bare virtual threads (baseline) | 1,000 | 800–1,000 | — |"), md);
    assertTrue(md.matches("(?s).*\\| bare virtual threads \\(baseline\\) [^\n]*\n"
        + "\\| bare virtual threads, one carrier \\(single-carrier hand-off floor\\) \\| 550 \\| 500–600 \\|.*"), md);
    assertTrue(md.contains("### Exit cascade: the head of a chain of linked processes killed, until the tail's Down\n\n"
        + "ns per hop, lower is better.\n\n| System | Median | Min–max | × Erlang |\n"), md);
    assertTrue(md.contains("| Arbor | 1,700 | 1,500–1,900 | 0.94 (0.94–0.95) |\n| Erlang/OTP | 1,800 | 1,600–2,000 | — |\n"), md);
    assertTrue(md.contains("- Arbor: pending: supervision not merged"), md);
    assertTrue(md.contains("- round 2: ring pekko: exit 1"), md);
    assertTrue(md.contains("| Rounds | 3 |"), md);
    assertTrue(md.endsWith("## Analysis\n\nhand-written\n"), md);
  }

  @Test
  void placementProbeListsEachRoundBesideTheShapeThatFollowedIt() {
    ResultsWriter probes = new ResultsWriter(List.of(
        "1\tRESULT\tmachine.c2c\tcall.process\t460\tns",
        "2\tRESULT\tmachine.c2c\tcall.process\t56.2\tns",
        "3\tRESULT\tmachine.c2c\tcall.process\t429\tns",
        "1\tRESULT\tmachine.c2c\tcast\t492\tns"));
    String md = probes.render(new LinkedHashMap<>(), null);
    assertTrue(md.contains("| System | Median | Min–max | Round by round |\n|---|---:|---:|---:|\n"), md);
    assertTrue(md.contains("| call.process | 429 | 56.2–460 | 460 / 56.2 / 429 |\n| cast | 492 | 492–492 | 492 |\n"), md);
    // Other shapes keep their columns.
    assertFalse(writer.render(new LinkedHashMap<>(), null).contains("Round by round"));
  }

  /** Issue 17's target table, each as metric, system, reference, bound and direction. */
  @Test
  void everyTargetOfIssue17IsJudged() {
    List<ResultsWriter.Target> expected = List.of(
        target("call.process", "arbor", "erlang", 0.6, true),
        target("call.process", "arbor", "vt1", 2, true),
        target("cast.1", "arbor", "erlang", 2, false),
        target("cast.4", "arbor", "erlang", 4, false),
        target("spawn.start", "arbor", "erlang", 0.5, true),
        target("spawn.heap", "arbor", "pekko", 1, true),
        target("ring.hop", "arbor", "vt", 1.2, true),
        target("ring.hop", "arbor", "pekko", 1, true),
        target("restart", "arbor", "erlang", 0.5, true),
        target("links.hop", "arbor", "erlang", 1, true));
    for (ResultsWriter.Target e : expected) {
      assertTrue(ResultsWriter.TARGETS.stream().anyMatch(t -> t.metric().equals(e.metric()) && t.system().equals(e.system())
          && java.util.Objects.equals(t.reference(), e.reference()) && t.bound() == e.bound() && t.atMost() == e.atMost()),
          "no target " + e);
    }
    // One target per pair of figures: a newer bound replaces the older one rather than joining it.
    assertEquals(ResultsWriter.TARGETS.size(), ResultsWriter.TARGETS.stream()
        .map(t -> t.metric() + " " + t.system() + " " + t.reference()).distinct().count());
    // Every figure a target reads has a shape (title, unit) and every system a name in the tables.
    for (ResultsWriter.Target t : ResultsWriter.TARGETS) {
      assertTrue(ResultsWriter.SHAPES.stream().anyMatch(s -> s.metric().equals(t.metric())), t.metric());
    }
    assertEquals("bare virtual threads, one carrier (single-carrier hand-off floor)", ResultsWriter.SYSTEM_NAMES.get("vt1"));
  }

  private static ResultsWriter.Target target(String metric, String system, String reference, double bound, boolean atMost) {
    return new ResultsWriter.Target("", metric, system, reference, bound, atMost);
  }

  @Test
  void malformedLinesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ResultsWriter(List.of("1\tRESULT\tcall.process")));
    assertThrows(IllegalArgumentException.class, () -> new ResultsWriter(List.of("1\tWHAT\ta\tb\tc")));
  }

  @Test
  void numbersKeepAboutThreeSignificantFigures() {
    assertEquals("1,235", ResultsWriter.number(1234.6));
    assertEquals("12.3", ResultsWriter.number(12.34));
    assertEquals("1.23", ResultsWriter.number(1.234));
  }
}
