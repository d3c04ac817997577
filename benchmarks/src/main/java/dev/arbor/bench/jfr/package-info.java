/**
 * What Arbor's JFR hooks cost the call round trip: {@link dev.arbor.bench.jfr.JfrOverheadBenchmark}
 * runs the call.process shape in JVMs that differ only in their flags.
 */
package dev.arbor.bench.jfr;
