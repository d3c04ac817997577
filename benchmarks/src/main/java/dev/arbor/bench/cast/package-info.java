/**
 * Cast throughput: 1 and 4 producers cast into one server, and a call at the end confirms that every
 * cast was handled. {@link dev.arbor.bench.cast.CastBenchmark} is the JMH benchmark.
 */
package dev.arbor.bench.cast;
