# The Elixir side of the example: a pricing service that the Arbor order desk calls, and a
# customer that calls the desk's servers. Run by ./run (through the Java demo), or by hand
# against a running desk:
#
#   elixir --name shop@127.0.0.1 --cookie COOKIE shop.exs arbor@127.0.0.1 customer
#
# Both modes start Shop.Pricing, registered as :pricing, and serve it until stdin closes;
# "customer" also calls, casts and sends to the desk's orders server, {:orders, desk node}.
# "serve" only serves pricing (the demo restarts the node this way after killing it).

defmodule Shop.Pricing do
  @moduledoc "Prices in cents. Every sale raises an item's price by one cent per unit sold."
  use GenServer

  def start_link(prices), do: GenServer.start_link(__MODULE__, prices, name: :pricing)

  @impl true
  def init(prices), do: {:ok, prices}

  # The Arbor desk asks the price of one item: nil when there is none.
  @impl true
  def handle_call({:price, sku}, {caller, _tag}, prices) do
    price = Map.get(prices, sku)
    IO.puts("pricing: #{node(caller)} asks the price of #{inspect(sku)}: #{inspect(price)}")
    {:reply, price, prices}
  end

  # The whole price list: what the desk's pricing link asks first, to know pricing answers.
  def handle_call(:catalog, _from, prices), do: {:reply, prices, prices}

  # The desk tells what it sold, without waiting.
  @impl true
  def handle_cast({:sold, sku, quantity}, prices) do
    prices = Map.update!(prices, sku, &(&1 + quantity))
    IO.puts("pricing: sold #{quantity} #{sku}, its price is now #{prices[sku]}")
    {:noreply, prices}
  end
end

defmodule Shop.Shipment do
  @moduledoc "A delivery notice; the desk's @Info handler takes it as its Shipment record."
  defstruct [:order_id, :carrier]
end

defmodule Shop.Show do
  @moduledoc "Prints an expression and what it returned, as iex would."
  defmacro show(expr) do
    code = Macro.to_string(expr)

    quote do
      result = unquote(expr)
      IO.puts("#{unquote(code)}\n    #=> #{inspect(result)}")
    end
  end
end

defmodule Shop.Customer do
  @moduledoc "Calls, casts and sends to the Arbor desk's orders server, printing each result."
  import Shop.Show

  def run(desk) do
    orders = {:orders, desk}
    show(GenServer.call(orders, {:place, "apple", 3}))
    show(GenServer.call(orders, {:place, "fig", 1}))
    show(GenServer.call(orders, {:place, "kiwi", 1}))
    show(GenServer.cast(orders, {:cancel, 2}))
    show(send(orders, %Shop.Shipment{order_id: 1, carrier: "bike"}))
    # Calls, casts and sends from one process arrive in order, so this sees the two above.
    show(GenServer.call(orders, :orders))
  end
end

[desk, mode] = System.argv()
desk = String.to_atom(desk)

{:ok, _} =
  Supervisor.start_link([{Shop.Pricing, %{"apple" => 120, "pear" => 95, "fig" => 310}}],
    strategy: :one_for_one
  )

IO.puts("pricing: serving as {:pricing, #{inspect(node())}}")

if mode == "customer" do
  # The desk prices orders with :pricing once its pricing link has found it: the demo sends a
  # line then (by hand, press Enter when the desk says "connected").
  IO.puts("customer: waiting for a line on stdin before placing orders")
  IO.gets("")
  true = Node.connect(desk)
  Shop.Customer.run(desk)
end

IO.puts("ready: serving pricing until stdin closes")
IO.read(:stdio, :eof)
