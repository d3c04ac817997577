/**
 * The desk's orders server, {@code @GenServer(remote = true)}, so Elixir calls, casts and sends
 * to it as {@code {:orders, :"arbor@127.0.0.1"}}; prices come from the Elixir pricing service.
 */
package dev.arbor.example.interop.orders;
