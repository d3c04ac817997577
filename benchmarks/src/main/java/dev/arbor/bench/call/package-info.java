/**
 * Call round trip: a process calling a server, and a plain platform thread calling a server, on each
 * system. {@link dev.arbor.bench.call.CallBenchmark} is the JMH benchmark; the {@link
 * dev.arbor.bench.call.Caller} implementations are reused by the cost-growth shape.
 */
package dev.arbor.bench.call;
