package dev.arbor.example.interop.pricing;

import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.RemoteServer;
import java.util.Map;
import java.util.Optional;

/**
 * The Elixir {@code Shop.Pricing} GenServer in {@code shop.exs}, registered as {@code :pricing}:
 * the processor generates {@code PricingClient}, which calls it with {@code gen_server}'s protocol.
 *
 * <p>Calls wait 2 s, less than the 5 s that the link's own callers (orders, and Elixir calling
 * orders) wait: a pricing service that hangs gives them {@link PricingUnavailableException}, not a
 * timeout of their own.
 */
@RemoteServer(defaultCallTimeoutMillis = 2_000)
public interface Pricing {
  /** {@code {:price, "apple"}}: the price in cents, empty for {@code nil}. */
  @Call
  Optional<Long> price(String sku);

  /** {@code :catalog}: every item's price in cents. */
  @Call
  Map<String, Long> catalog();

  /** {@code GenServer.cast(pricing, {:sold, "apple", 3})}. */
  @Cast
  void sold(String sku, int quantity);
}
