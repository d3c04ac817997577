package dev.arbor.sample.counter;

/** A plain message; the counter handles it in {@code @Info onTick}. */
public record Tick() {}
