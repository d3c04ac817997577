/** What a bound {@code ArborMetrics} binder costs a call: {@code benchmarks/run --only metrics}. */
package dev.arbor.bench.metrics;
