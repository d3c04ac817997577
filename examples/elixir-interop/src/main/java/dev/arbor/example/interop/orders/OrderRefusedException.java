package dev.arbor.example.interop.orders;

/**
 * The desk refuses an order (an item pricing has no price for, a quantity below one); Elixir gets
 * it as an {@code {:error, {ExceptionClass, Message}}} reply and the orders server goes on.
 */
public final class OrderRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  public OrderRefusedException(String message) {
    super(message);
  }
}
