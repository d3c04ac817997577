package dev.arbor.sample.batch;

/** An order to invoice: its id and its subtotal before tax, in cents. */
public record Order(String id, long subtotalCents) {}
