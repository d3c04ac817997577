/**
 * What Arbor's JFR hooks cost the call round trip with JFR off: {@link
 * dev.arbor.bench.jfr.JfrOverheadBenchmark} times the check a call makes and the round trip beside it,
 * and runs the round trip in JVMs that differ only in their flags.
 */
package dev.arbor.bench.jfr;
