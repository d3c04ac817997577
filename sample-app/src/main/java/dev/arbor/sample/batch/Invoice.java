package dev.arbor.sample.batch;

/** A priced order: its id, the tax rate applied and the total in cents. */
public record Invoice(String orderId, int taxPercent, long totalCents) {}
