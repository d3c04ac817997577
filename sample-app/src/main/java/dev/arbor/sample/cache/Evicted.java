package dev.arbor.sample.cache;

/** Sent to each subscriber of a {@link Cache} when a cleanup drops the expired entry {@code key}. */
public record Evicted(String key) {}
