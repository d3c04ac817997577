package dev.arbor.example.interop.orders;

import dev.arbor.Name;
import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.GenServer;
import dev.arbor.annotation.Info;
import dev.arbor.example.interop.orders.Order.Status;
import dev.arbor.example.interop.pricing.PricingLinkClient;
import dev.arbor.example.interop.pricing.PricingUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The orders of the desk. Elixir reaches each handler by the convention of {@code @GenServer(remote
 * = true)}: {@code GenServer.call(orders, {:place, "apple", 3})}, {@code GenServer.cast(orders,
 * {:cancel, 2})}, {@code send(orders, %Shop.Shipment{...})}, {@code GenServer.call(orders,
 * :orders)}. Prices come from the Elixir pricing service, through the local {@link
 * dev.arbor.example.interop.pricing.PricingLink}.
 */
@GenServer(remote = true)
public final class Orders {
  private final Map<Long, Order> orders = new LinkedHashMap<>();
  /**
   * The link's name, not its client: a state field typed with a class generated in the same
   * compilation (PricingLinkClient) makes the processor's state description lose its import.
   */
  private final Name pricingLink;
  private final Consumer<String> log;
  private long lastId;

  /** Orders priced through the link registered as {@code pricingLink}, saying what they do to {@code log}. */
  public Orders(Name pricingLink, Consumer<String> log) {
    this.pricingLink = pricingLink;
    this.log = log;
  }

  /** {@code {:place, sku, quantity}}: prices the order with Elixir's pricing, then tells it what sold. */
  @Call
  public Order place(String sku, int quantity) throws OrderRefusedException, PricingUnavailableException {
    if (quantity < 1) {
      throw new OrderRefusedException("quantity must be at least 1, got " + quantity);
    }
    PricingLinkClient pricing = PricingLinkClient.of(pricingLink);
    long cents = pricing.price(sku)
        .orElseThrow(() -> new OrderRefusedException("pricing has no price for " + sku));
    Order order = new Order(++lastId, sku, quantity, cents * quantity, Status.OPEN);
    orders.put(order.id(), order);
    pricing.sold(sku, quantity);
    log.accept("orders: placed #" + order.id() + ", " + quantity + " " + sku + " at " + cents
        + " = " + order.total());
    return order;
  }

  /** {@code GenServer.cast(orders, {:cancel, id})}: an open order is cancelled; others stay as they are. */
  @Cast
  public void cancel(long id) {
    Order order = orders.get(id);
    if (order != null && order.status() == Status.OPEN) {
      orders.put(id, order.with(Status.CANCELLED));
      log.accept("orders: cancelled #" + id);
    } else {
      log.accept("orders: cannot cancel #" + id + " (" + (order == null ? "no such order" : order.status()) + ")");
    }
  }

  /** A plain {@code send(orders, %Shop.Shipment{...})}: the order has left. */
  @Info
  public void shipped(Shipment shipment) {
    Order order = orders.get(shipment.orderId());
    if (order != null && order.status() == Status.OPEN) {
      orders.put(order.id(), order.with(Status.SHIPPED));
      log.accept("orders: #" + order.id() + " shipped by " + shipment.carrier());
    } else {
      log.accept("orders: ignored a shipment of #" + shipment.orderId() + " (" + (order == null ? "no such order" : order.status()) + ")");
    }
  }

  /** {@code :orders}: every order, oldest first. */
  @Call
  public List<Order> orders() {
    return new ArrayList<>(orders.values());
  }
}
