package dev.arbor.example.interop;

import dev.arbor.Adopted;
import dev.arbor.Proc;
import dev.arbor.dist.Node;
import dev.arbor.example.interop.orders.Order;
import dev.arbor.example.interop.pricing.PricingUnavailableException;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorEvent;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plays the example end to end on loopback, with a private epmd and a fresh cookie: starts the
 * desk ({@link Desk}) on {@value #DESK_NODE}, then {@code shop.exs} on {@value #SHOP_NODE}, whose
 * customer calls, casts and sends to the desk while the desk calls its pricing service; kills the
 * Elixir node and shows the pricing link restarted and waiting; starts the Elixir node again and
 * shows the link reconnected and an order priced by it. Every step waits for the line that says
 * it happened, with a bound, and everything started here is stopped at the end, also on failure.
 */
public final class Demo {
  public static final String DESK_NODE = "arbor@127.0.0.1";
  public static final String SHOP_NODE = "shop@127.0.0.1";
  /** Starting an Elixir node takes a second or two, more on a loaded machine. */
  private static final Duration ELIXIR_START = Duration.ofSeconds(60);
  /** Any other step. */
  private static final Duration STEP = Duration.ofSeconds(20);

  private Demo() {}

  /**
   * {@code java dev.arbor.example.interop.Demo [path/to/shop.exs]}: prints the transcript; exits
   * with 0 when every step happened, 1 when one did not, 2 when {@code elixir} or {@code epmd} is
   * not installed.
   */
  public static void main(String[] args) {
    Path script = Path.of(args.length > 0 ? args[0] : "shop.exs");
    Optional<Path> elixir = ErlangProcess.find("elixir");
    Optional<Path> epmd = ErlangProcess.find("epmd");
    if (elixir.isEmpty() || epmd.isEmpty()) {
      System.err.println("The example needs elixir and epmd on the PATH (Debian: apt-get install"
          + " elixir erlang-base); missing: " + (elixir.isEmpty() ? "elixir " : "")
          + (epmd.isEmpty() ? "epmd" : ""));
      System.exit(2);
    }
    int status = 0;
    try {
      run(script, elixir.get(), epmd.get(), new Transcript(System.out::println));
    } catch (Exception e) {
      System.err.println("The example failed: " + e.getMessage());
      status = 1;
    }
    System.exit(status);
  }

  /**
   * Plays the example, writing to {@code transcript}.
   *
   * @throws IllegalStateException naming the step that did not happen in time
   */
  @SuppressWarnings("try") // epmd and the node are held for the run and stopped at its end
  public static void run(Path script, Path elixir, Path epmd, Transcript transcript)
      throws Exception {
    String cookie = "demo" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
    int epmdPort = ErlangProcess.freePort();
    try (ErlangProcess epmdProcess = ErlangProcess.startEpmd(epmd, epmdPort);
        Node node = Node.builder(DESK_NODE).cookie(cookie).epmdPort(epmdPort).start();
        Adopted me = Proc.adopt()) {
      Supervisor desk = Desk.start(SHOP_NODE, transcript);
      desk.subscribe(me.pid());
      try {
        new Steps(transcript, desk, mode -> List.of(elixir.toString(), "--name", SHOP_NODE,
            "--cookie", cookie, "--erl", "-kernel inet_dist_use_interface {127,0,0,1}",
            script.toString(), DESK_NODE, mode), epmdPort).play();
      } finally {
        if (desk.pid().isAlive()) {
          desk.stop();
        }
      }
    }
  }

  /** The steps, each waiting for the transcript line or supervisor event that shows it done. */
  private record Steps(Transcript t, Supervisor desk, Function<String, List<String>> shop,
      int epmdPort) {

    @SuppressWarnings("try") // the second Elixir node is held for the last step, stopped after it
    void play() throws Exception {
      t.say("demo", "the desk runs on " + DESK_NODE + "; starting Elixir as " + SHOP_NODE);
      try (ErlangProcess elixir = ErlangProcess.start(shop.apply("customer"), epmdPort, t.as("shop"))) {
        t.await(0, "customer: waiting for a line", ELIXIR_START);
        int connected = t.await(0, "pricing-link: connected", STEP);
        t.say("demo", "the pricing link is connected: the customer may start");
        elixir.writeLine("go");
        t.await(connected, "ready: serving pricing", STEP);

        t.say("demo", "killing the Elixir node (kill -9), as a crash would");
        int killed = t.size();
        elixir.kill();
        awaitRestartOfPricingLink();
        t.await(killed, "pricing-link: waiting for pricing", STEP);
      }
      sayStatus();
      try {
        Order order = Desk.orders().place("pear", 2);
        throw new IllegalStateException("an order was priced while pricing was away: " + order);
      } catch (PricingUnavailableException expected) {
        t.say("arbor", "orders.place(\"pear\", 2) threw PricingUnavailableException: "
            + expected.getMessage());
      }

      t.say("demo", "starting Elixir again as " + SHOP_NODE + ", serving pricing only");
      int again = t.size();
      try (ErlangProcess elixir = ErlangProcess.start(shop.apply("serve"), epmdPort, t.as("shop"))) {
        t.await(again, "pricing-link: connected", ELIXIR_START);
        sayStatus();
        t.say("arbor", "orders.place(\"pear\", 2) returned " + Desk.orders().place("pear", 2));
        t.await(again, "asks the price of \"pear\"", STEP);
        t.say("demo", "done: stopping the desk, then the Elixir node");
        desk.stop();
      }
    }

    private void sayStatus() {
      t.say("arbor", "pricingLink.status() returned \"" + Desk.pricingLink().status() + "\"");
    }

    /** Reports the supervisor's events until it has restarted the pricing link. */
    private void awaitRestartOfPricingLink() {
      while (true) {
        SupervisorEvent event = Proc.receive(SupervisorEvent.class, STEP).orElseThrow(() ->
            new IllegalStateException("the desk's supervisor restarted no pricing link within "
                + STEP + "; the transcript so far:\n" + String.join("\n", t.lines())));
        switch (event) {
          case SupervisorEvent.ChildExited exited -> t.say("arbor", "desk supervisor: "
              + exited.id() + " exited (" + exited.reason() + ")");
          case SupervisorEvent.ChildRestarted restarted -> {
            t.say("arbor", "desk supervisor: restarted " + restarted.id() + " as "
                + restarted.newPid());
            if (restarted.id().equals(Desk.PRICING_LINK.toString())) {
              return;
            }
          }
          default -> t.say("arbor", "desk supervisor: " + event);
        }
      }
    }
  }
}
