/**
 * The dist shape: round trips between two nodes over Erlang distribution, Arbor's side. {@code
 * benchmarks/run --only dist} starts a private epmd and measures BEAM to BEAM, BEAM to Arbor and
 * Arbor to Arbor, each with 1 and 16 callers, as echo and as {@code gen_server:call}-style calls.
 */
package dev.arbor.bench.dist;
