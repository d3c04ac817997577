package dev.arbor.sample.batch;

import java.util.List;

/**
 * What a {@link InvoiceBatch} run produced.
 *
 * @param invoices one per order, in the orders' order
 * @param maxConcurrency how many tasks were allowed at once
 * @param peakConcurrency how many ran at once at most
 */
public record BatchReport(List<Invoice> invoices, int maxConcurrency, int peakConcurrency) {
  public BatchReport {
    invoices = List.copyOf(invoices);
  }

  /** The sum of every invoice. */
  public long totalCents() {
    return invoices.stream().mapToLong(Invoice::totalCents).sum();
  }
}
