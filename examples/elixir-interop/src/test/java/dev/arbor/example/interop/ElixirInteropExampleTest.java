package dev.arbor.example.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example's test: plays {@link Demo} once against the real {@code elixir} (the same run as
 * {@code examples/elixir-interop/run}) and checks what each side did, from its transcript. Each
 * step of the demo already waits, with a bound, for the line that shows it happened.
 */
class ElixirInteropExampleTest {
  private static List<String> transcript;
  private static List<ProcessHandle> leftRunning;

  @BeforeAll
  static void playTheDemo() throws Exception {
    Path elixir = tool("elixir");
    Path epmd = tool("epmd");
    Transcript lines = new Transcript(System.out::println);
    Demo.run(Path.of("shop.exs").toAbsolutePath(), elixir, epmd, lines);
    transcript = lines.lines();
    leftRunning = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
  }

  /** The installed tool; a missing one fails under {@code CI=true} and skips otherwise. */
  private static Path tool(String name) {
    Optional<Path> path = ErlangProcess.find(name);
    if (path.isEmpty() && "true".equals(System.getenv("CI"))) {
      fail(name + " is not installed but CI=true: install Erlang/OTP and Elixir (scripts/test-tools.sh)");
    }
    assumeTrue(path.isPresent(), name + " is not installed; skipping (set CI=true to fail instead)");
    return path.get();
  }

  @Test
  void elixirCallsCastsAndSendsToTheArborDesk() {
    int placed = line(0, "shop  | GenServer.call(orders, {:place, \"apple\", 3})");
    assertEquals(Set.of(Set.of("id: 1", "quantity: 3", "sku: \"apple\"", "status: :open", "total: 360")),
        maps(shopAfter(placed)));
    int refused = line(placed, "shop  | GenServer.call(orders, {:place, \"kiwi\", 1})");
    assertEquals("shop  |     #=> {:error, {:\"dev.arbor.example.interop.orders.OrderRefusedException\","
        + " \"pricing has no price for kiwi\"}}", shopAfter(refused));
    line(0, "arbor | orders: cancelled #2");                      // the cast
    line(0, "arbor | orders: #1 shipped by bike");                // the send of an Elixir struct
    int listed = line(refused, "shop  | GenServer.call(orders, :orders)");
    String list = shopAfter(listed);
    assertTrue(list.startsWith("shop  |     #=> [%{"), list);
    assertEquals(Set.of(
        Set.of("id: 1", "quantity: 3", "sku: \"apple\"", "status: :shipped", "total: 360"),
        Set.of("id: 2", "quantity: 1", "sku: \"fig\"", "status: :cancelled", "total: 310")), maps(list));
  }

  @Test
  void theDeskCallsAndCastsToTheElixirPricingServer() {
    int asked = line(0, "shop  | pricing: arbor@127.0.0.1 asks the price of \"apple\": 120");
    line(asked, "shop  | pricing: sold 3 apple, its price is now 123");
    line(0, "shop  | pricing: arbor@127.0.0.1 asks the price of \"kiwi\": nil");
  }

  @Test
  void pricingLinkIsRestartedWhenElixirGoesAwayAndReconnectsWhenItComesBack() {
    int killed = line(0, "demo  | killing the Elixir node");
    int down = line(killed, "arbor | pricing-link: pricing is down (noconnection)");
    int restarted = line(down, "arbor | desk supervisor: restarted pricing-link");
    int waiting = line(down, "arbor | pricing-link: waiting for pricing (attempt 1: noconnection)");
    int status = line(Math.max(restarted, waiting),
        "arbor | pricingLink.status() returned \"waiting for pricing {pricing,shop@127.0.0.1} (");
    int refused = line(status, "arbor | orders.place(\"pear\", 2) threw"
        + " PricingUnavailableException: waiting for pricing {pricing,shop@127.0.0.1} to come back");
    int back = line(refused, "demo  | starting Elixir again");
    int connected = line(back, "arbor | pricing-link: connected to {pricing,shop@127.0.0.1}");
    line(connected, "arbor | pricingLink.status() returned \"connected to {pricing,shop@127.0.0.1}\"");
    line(connected, "shop  | pricing: arbor@127.0.0.1 asks the price of \"pear\": 95");
    line(connected, "arbor | orders.place(\"pear\", 2) returned Order[id=3, sku=pear, quantity=2,"
        + " total=190, status=OPEN]");
    // One outage, one restart: the link waited for Elixir without spending restart intensity.
    assertEquals(1, transcript.stream().filter(l -> l.contains("desk supervisor: restarted")).count(),
        String.join("\n", transcript));
    assertTrue(transcript.stream().noneMatch(l -> l.contains("IntensityExceeded")),
        String.join("\n", transcript));
  }

  @Test
  void theDemoLeavesNoOsProcessRunning() {
    assertEquals(List.of(), leftRunning.stream().map(p -> p.info().commandLine().orElse("?")).toList());
  }

  /**
   * The maps printed in {@code line}, each as its set of {@code key: value} pairs: Elixir prints a
   * map's keys in an order that differs between OTP releases.
   */
  private static Set<Set<String>> maps(String line) {
    Set<Set<String>> maps = new HashSet<>();
    for (Matcher m = Pattern.compile("%\\{([^}]*)}").matcher(line); m.find(); ) {
      maps.add(Set.of(m.group(1).split(", ")));
    }
    return maps;
  }

  /** The index of the first line at {@code from} or later that starts with {@code start}. */
  /**
   * The Elixir side's next line after {@code index}: what its call returned. The two sides print
   * concurrently, so an Arbor line may come between a call and its result.
   */
  private static String shopAfter(int index) {
    return transcript.get(line(index + 1, "shop  |"));
  }

  private static int line(int from, String start) {
    for (int i = from; i < transcript.size(); i++) {
      if (transcript.get(i).startsWith(start)) {
        return i;
      }
    }
    throw new AssertionError("no line starting with `" + start + "` from line " + from
        + " on; the transcript:\n" + String.join("\n", transcript));
  }
}
