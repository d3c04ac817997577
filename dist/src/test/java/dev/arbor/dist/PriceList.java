package dev.arbor.dist;

import dev.arbor.Pid;
import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.RemoteServer;
import java.util.List;
import java.util.Optional;

/**
 * An Elixir {@code GenServer} seen from Java: the shop's price list that {@link
 * RemoteServerClientTest} runs on an elixir node (its module is {@code Prices} there).
 */
@RemoteServer(defaultCallTimeoutMillis = 10_000)
public interface PriceList {
  /** One line of the list; Elixir sends it as {@code %{sku: "a1", cents: 250}}. */
  record Item(String sku, int cents) {}

  /** The price of an article in cents: {@code GenServer.call(prices, {:price, "a1"})}. */
  @Call
  int price(String sku);

  /** Every line of the list: {@code GenServer.call(prices, :all)}. */
  @Call(atom = "all")
  List<Item> items();

  /** {@code {:find_item, "a1"}}: the line, or empty for Elixir's {@code nil}. */
  @Call
  Optional<Item> findItem(String sku);

  /** {@code GenServer.cast(prices, {:set_price, "a1", 300})}. */
  @Cast
  void setPrice(String sku, int cents);

  /** {@code :flush}, answered {@code :ok}. */
  @Call
  void flush();

  /** The server's own pid. */
  @Call
  Pid owner();

  /** Answers after {@code millis}, for timeouts. */
  @Call
  int slowPrice(String sku, int millis);

  /** Makes the server stop with {@code :meltdown} instead of replying. */
  @Call
  int crash();

  /** Not a request: built on one. */
  default boolean sells(String sku) {
    return findItem(sku).isPresent();
  }
}
