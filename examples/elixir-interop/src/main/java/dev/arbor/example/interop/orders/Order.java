package dev.arbor.example.interop.orders;

/**
 * An order; Elixir sees it as {@code %{id: 1, sku: "apple", quantity: 3, total: 360, status:
 * :open}}.
 *
 * @param total the price in cents when placed, times the quantity
 */
public record Order(long id, String sku, int quantity, long total, Status status) {
  /** Where an order is; an atom in Elixir ({@code :open}, {@code :cancelled}, {@code :shipped}). */
  public enum Status { OPEN, CANCELLED, SHIPPED }

  Order with(Status next) {
    return new Order(id, sku, quantity, total, next);
  }
}
