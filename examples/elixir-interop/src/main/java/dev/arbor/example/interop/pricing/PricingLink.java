package dev.arbor.example.interop.pricing;

import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.Continue;
import dev.arbor.annotation.GenServer;
import dev.arbor.annotation.Info;
import dev.arbor.annotation.Init;
import dev.arbor.server.CallTimeoutException;
import dev.arbor.server.Server;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The desk's stand-in for the Elixir pricing service ({@code {:pricing, shop@127.0.0.1}}): the
 * desk's servers call it, and it forwards to Elixir while the service answers.
 *
 * <p>Supervised the way OTP users supervise a connection to something outside their node (Fred
 * Hebert's "It's About the Guarantees"): {@code @Init} promises only what it can always keep, a
 * running link that knows where pricing should be, and connects after it, as Elixir's {@code
 * handle_continue} does. While the service cannot be reached the link retries on a timer with a
 * growing delay and answers {@link PricingUnavailableException}, so an outage costs no restart
 * intensity. Once connected it monitors the service ({@code Process.monitor({:pricing, node})}):
 * the {@link Down} (its reason {@code noconnection} when the node goes away) makes it exit, and
 * its supervisor restarts it, fresh, waiting again. It exits with {@code {shutdown, ...}}: a
 * permanent child is restarted after any exit, and a planned one is no crash to report.
 */
@GenServer
public final class PricingLink {
  /** The first retry waits this long; each next one twice as long, up to {@link #MAX_RETRY}. */
  static final Duration FIRST_RETRY = Duration.ofMillis(100);
  static final Duration MAX_RETRY = Duration.ofSeconds(2);

  private final Name service;
  private final PricingClient pricing;
  private final Consumer<String> log;
  /** The monitor of the Elixir server while connected; null while waiting for it. */
  private Ref watch;
  private int attempts;
  private Duration retry = FIRST_RETRY;

  /** A link to the server registered as {@code pricing} on {@code node}, saying what it does to {@code log}. */
  public PricingLink(String node, Consumer<String> log) {
    this.service = Name.remote("pricing", node);
    this.pricing = PricingClient.of(service);
    this.log = log;
  }

  @Init
  public void init() {
    log.accept("pricing-link: started; connecting to " + service);
    Server.continueWith(new Connect());
  }

  /** The first attempt, right after {@code start} returned. */
  @Continue
  public void connectFirst(Connect first) {
    connect();
  }

  /** A retry, when its timer fires. */
  @Info
  public void connectAgain(Connect retry) {
    connect();
  }

  /** The Elixir server went away: exit, so that the supervisor starts a fresh link. */
  @Info
  public void lost(Down down) {
    if (!down.ref().equals(watch)) {
      return; // the monitor of an attempt that failed
    }
    log.accept("pricing-link: pricing is down (" + down.reason() + "); exiting, for the supervisor to restart");
    Server.stopSelf(ExitReason.shutdown("pricing down: " + down.reason()));
  }

  /** The price of {@code sku} in cents, empty when pricing has none; asked of the Elixir server. */
  @Call
  public Optional<Long> price(String sku) throws PricingUnavailableException {
    if (watch == null) {
      throw new PricingUnavailableException("waiting for pricing " + service + " to come back");
    }
    try {
      return pricing.price(sku);
    } catch (ExitException | CallTimeoutException e) {
      throw new PricingUnavailableException("pricing did not answer: " + e.getMessage());
    }
  }

  /** Tells pricing what sold, without waiting; dropped while pricing is away, as a cast would be. */
  @Cast
  public void sold(String sku, int quantity) {
    if (watch != null) {
      pricing.sold(sku, quantity);
    }
  }

  /** {@code connected to ...} or {@code waiting for pricing ...}. */
  @Call
  public String status() {
    return watch != null ? "connected to " + service
        : "waiting for pricing " + service + " (attempts so far: " + attempts + ")";
  }

  private void connect() {
    attempts++;
    Ref ref = Proc.monitor(service);
    try {
      Map<String, Long> catalog = pricing.catalog(); // a first call: pricing answers
      watch = ref;
      log.accept("pricing-link: connected to " + service + " (attempt " + attempts + "); it prices "
          + String.join(", ", catalog.keySet()));
      attempts = 0;
      retry = FIRST_RETRY;
    } catch (ExitException | CallTimeoutException e) {
      Proc.demonitor(ref);
      log.accept("pricing-link: waiting for pricing (attempt " + attempts + ": "
          + (e instanceof ExitException exit ? exit.reason() : "no answer") + "); next try in "
          + retry.toMillis() + " ms");
      Proc.sendAfter(Proc.self(), new Connect(), retry);
      retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
    }
  }

  /** Time to try to reach pricing. */
  public record Connect() {}
}
