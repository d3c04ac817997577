/**
 * Spawn and cost growth: start many idle servers one after another and measure the time per start,
 * the heap (after full collections) and the resident set per idle server, and the call round trip
 * before and after they exist. {@link dev.arbor.bench.spawn.SpawnHarness} is the main class.
 */
package dev.arbor.bench.spawn;
