package dev.arbor.example.interop.orders;

/**
 * A delivery notice, sent to the orders server as a plain message: the Elixir struct {@code
 * %Shop.Shipment{order_id: 1, carrier: "bike"}} fits it (a map with these atom keys).
 */
public record Shipment(long orderId, String carrier) {}
