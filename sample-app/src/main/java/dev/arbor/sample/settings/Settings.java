package dev.arbor.sample.settings;

import java.time.Duration;

/**
 * The desk's settings: an immutable value, so what the agent hands out can be shared safely.
 *
 * @param taxPercent the tax added to every invoice
 * @param quoteTtl how long a price quote stays in the cache
 * @param batchConcurrency how many invoices the batch prices at once
 */
public record Settings(int taxPercent, Duration quoteTtl, int batchConcurrency) {
  /** The settings the desk starts with. */
  public static Settings defaults() {
    return new Settings(20, Duration.ofSeconds(30), 3);
  }

  public Settings withTaxPercent(int percent) {
    return new Settings(percent, quoteTtl, batchConcurrency);
  }

  public Settings withQuoteTtl(Duration ttl) {
    return new Settings(taxPercent, ttl, batchConcurrency);
  }
}
