/**
 * Arbor's runtime as Micrometer meters: bind {@link dev.arbor.micrometer.ArborMetrics} to a {@code
 * MeterRegistry} and its processes, exits, crashes, supervisor restarts, call latency and mailboxes
 * reach whatever the registry publishes to (Prometheus, Datadog, OTLP, ...).
 */
package dev.arbor.micrometer;
