/**
 * Supervised restart: kill a supervised, named child and wait until the name resolves to its
 * successor. {@link dev.arbor.bench.restart.RestartHarness} is the main class. Arbor's side waits for
 * supervision ({@code dev.arbor.supervisor.Supervisor}) to be merged.
 */
package dev.arbor.bench.restart;
