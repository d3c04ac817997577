package dev.arbor.sample.cache;

/** The cache's cleanup tick, which its own timer sends it; handled in {@code @Info}. */
public record Sweep() {}
