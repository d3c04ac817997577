/**
 * Arbor's benchmarks: the same shapes run on Arbor, Apache Pekko typed, Erlang/OTP and bare virtual
 * threads, one package per shape. {@code benchmarks/run} runs them all, interleaved round by round,
 * and writes {@code benchmarks/RESULTS.md}; nothing here runs under the test command.
 */
package dev.arbor.bench;
