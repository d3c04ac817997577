/**
 * What {@code benchmarks/run} drives: {@link dev.arbor.bench.harness.JmhShapes} runs the JMH shapes and
 * prints their figures as result lines, and {@link dev.arbor.bench.harness.ResultsWriter} turns the
 * lines of every round into {@code RESULTS.md}.
 */
package dev.arbor.bench.harness;
