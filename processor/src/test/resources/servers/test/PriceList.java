package test;

import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.RemoteServer;
import java.util.List;
import java.util.Optional;

/**
 * The shop's price list, an Elixir {@code GenServer} registered as {@code :prices}.
 *
 * @see #price(String)
 */
@RemoteServer(defaultCallTimeoutMillis = 2_000)
public interface PriceList {
  /** One line of the list: an Elixir map {@code %{sku: "a1", cents: 250}}. */
  record Item(String sku, int cents) {}

  /**
   * The price of one article, in cents.
   *
   * @param sku the article's number
   * @return its price
   */
  @Call
  int price(String sku);

  /** Every line of the list. */
  @Call(atom = "all")
  List<Item> items();

  @Call
  Optional<Item> findItem(String sku, boolean exact);

  /** Waits until the list has been written to disk. */
  @Call
  void flush();

  /** Reloads the list from its file. */
  @Cast
  void reload();

  @Cast
  void setPrice(String sku, int cents);

  /** Not a request: it calls one. */
  default boolean sells(String sku) {
    return findItem(sku, true).isPresent();
  }

  static String describe(Item item) {
    return item.sku() + " at " + item.cents();
  }
}
