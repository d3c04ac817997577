package dev.arbor.example.interop;

import dev.arbor.Name;
import dev.arbor.example.interop.orders.OrdersClient;
import dev.arbor.example.interop.pricing.PricingLinkClient;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorSpec;
import java.time.Duration;

/**
 * The Arbor side of the example: the order desk's supervision tree, {@code oneForOne} over
 *
 * <ol>
 *   <li>{@code pricing-link}, the local stand-in for the Elixir pricing service, and
 *   <li>{@code orders}, the server Elixir calls as {@code {:orders, :"arbor@127.0.0.1"}}.
 * </ol>
 *
 * <p>Both are registered, and each handle looks its name up at every call, so it stays good across
 * restarts. Start a {@link dev.arbor.dist.Node} first, so that Elixir can reach {@code orders}.
 */
public final class Desk {
  /** The top-level supervisor's name. */
  public static final String NAME = "desk";
  public static final Name ORDERS = Name.local("orders");
  public static final Name PRICING_LINK = Name.local("pricing-link");

  private Desk() {}

  /** Starts the desk, pricing from the Elixir node {@code pricingNode}; writes what happens to {@code transcript}. */
  public static Supervisor start(String pricingNode, Transcript transcript) {
    return Supervisor.start(SupervisorSpec.oneForOne()
        .name(NAME)
        .maxRestarts(3, Duration.ofSeconds(10))
        .child(PricingLinkClient.childSpec(StartOptions.named(PRICING_LINK), pricingNode,
            transcript.as("arbor")))
        .child(OrdersClient.childSpec(StartOptions.named(ORDERS), PRICING_LINK,
            transcript.as("arbor"))));
  }

  public static OrdersClient orders() {
    return OrdersClient.of(ORDERS);
  }

  public static PricingLinkClient pricingLink() {
    return PricingLinkClient.of(PRICING_LINK);
  }
}
