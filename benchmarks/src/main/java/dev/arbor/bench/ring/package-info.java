/**
 * Ring: processes in a ring pass a token around, each hop one message; {@link
 * dev.arbor.bench.ring.RingHarness} is the main class.
 */
package dev.arbor.bench.ring;
