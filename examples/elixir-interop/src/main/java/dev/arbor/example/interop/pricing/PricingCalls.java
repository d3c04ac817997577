package dev.arbor.example.interop.pricing;

import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.Name;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Binary;
import dev.arbor.dist.term.Tuple;
import dev.arbor.server.CallTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Calls and casts to the Elixir {@code Shop.Pricing} GenServer, written out with {@code
 * gen_server}'s messages. TEMPORARY: stands in for the client the processor will generate from an
 * {@code @RemoteServer} interface, which is not built yet.
 */
final class PricingCalls {
  /**
   * Shorter than the 5 s that the link's own callers (orders, and Elixir calling orders) wait: a
   * pricing service that hangs gives them PricingUnavailableException, not a timeout of their own.
   */
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private final Name pricing;

  private PricingCalls(Name pricing) {
    this.pricing = pricing;
  }

  static PricingCalls of(Name pricing) {
    return new PricingCalls(pricing);
  }

  /** {@code {:price, sku}}: the price in cents, empty for {@code nil}. */
  Optional<Long> price(String sku) {
    Object reply = call(Tuple.of(Atom.of("price"), sku));
    return reply instanceof Long cents ? Optional.of(cents) : Optional.empty();
  }

  /** {@code :catalog}: every item's price. */
  Map<String, Long> catalog() {
    Map<String, Long> prices = new LinkedHashMap<>();
    ((Map<?, ?>) call(Atom.of("catalog")))
        .forEach((sku, cents) -> prices.put(((Binary) sku).asString(), (Long) cents));
    return prices;
  }

  /** {@code GenServer.cast(pricing, {:sold, sku, quantity})}. */
  void sold(String sku, int quantity) {
    Proc.send(pricing, Tuple.of(Atom.of("$gen_cast"),
        Tuple.of(Atom.of("sold"), sku, (long) quantity)));
  }

  /** {@code gen:call}: monitor, send {@code {'$gen_call', {Self, Ref}, Request}}, await {@code {Ref, Reply}} or the Down. */
  private Object call(Object request) {
    Ref ref = Proc.monitor(pricing);
    Proc.send(pricing, Tuple.of(Atom.of("$gen_call"), Tuple.of(Proc.self(), ref), request));
    Object answer = Proc.receive(m -> m instanceof Tuple t && t.size() == 2 && ref.equals(t.get(0))
        || m instanceof Down d && d.ref().equals(ref), TIMEOUT).orElse(null);
    Proc.demonitor(ref);
    return switch (answer) {
      case Tuple reply -> reply.get(1);
      case Down down -> throw new ExitException(down.reason(), "pricing " + pricing + " exited: " + down.reason());
      case null -> throw new CallTimeoutException(pricing.toString(), "call", TIMEOUT);
      default -> throw new IllegalStateException("unexpected " + answer);
    };
  }
}
