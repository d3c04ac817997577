/**
 * Erlang distribution for Arbor: a JVM that is an Erlang node. Start one with {@link
 * dev.arbor.dist.Node#builder(String)}; it registers with epmd, accepts connections from Erlang,
 * Elixir and Arbor nodes, and connects to them on demand. Layers, each in its own package: {@code
 * term} (the external term format), {@code epmd}, {@code handshake}, {@code connection} (framing
 * and ticks) and {@code node} (control messages to local signals). On top of them, {@code pg} is
 * Erlang's process groups across the cluster.
 */
package dev.arbor.dist;
