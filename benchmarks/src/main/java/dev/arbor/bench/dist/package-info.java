/**
 * The dist shape: round trips between two nodes over Erlang distribution, Arbor's side. {@code
 * benchmarks/run --only dist} starts a private epmd and measures BEAM to BEAM, BEAM to Arbor and
 * Arbor to Arbor, each with 1 and 16 callers, as echo, as {@code gen_server:call}-style calls, and as
 * {@code GenServer.call}s to a server written as users write one ({@link
 * dev.arbor.bench.dist.DistCounter}, a {@code @GenServer(remote = true)}, against a BEAM {@code
 * gen_server}), the Arbor caller going through the generated client.
 */
package dev.arbor.bench.dist;
