package dev.arbor.sample.batch;

import dev.arbor.agent.Agent;
import dev.arbor.sample.settings.Settings;
import dev.arbor.task.StreamOptions;
import dev.arbor.task.Task;
import dev.arbor.task.TaskResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Prices a batch of orders with {@code Task.asyncStream}: each order in a task of its own, at most
 * {@code maxConcurrency} at once, results in input order. Each task reads the tax rate from the
 * settings {@link Agent}, so many processes share one consistent value. The stream is closed with
 * try-with-resources, which would stop the tasks still running if the consumer gave up early.
 */
public final class InvoiceBatch {
  private final Agent<Settings> settings;

  /** A batch that reads the tax rate from {@code settings}. */
  public InvoiceBatch(Agent<Settings> settings) {
    this.settings = settings;
  }

  /** Prices {@code orders}, {@code maxConcurrency} at a time, from the calling process. */
  public BatchReport run(List<Order> orders, int maxConcurrency) {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    StreamOptions options = StreamOptions.defaults()
        .maxConcurrency(maxConcurrency)
        .ordered(true)
        .timeout(Duration.ofSeconds(5));
    List<Invoice> invoices = new ArrayList<>();
    try (Stream<TaskResult<Invoice>> results = Task.asyncStream(orders, order -> {
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        return price(order);
      } finally {
        running.decrementAndGet();
      }
    }, options)) {
      results.forEach(result -> {
        switch (result) {
          case TaskResult.Ok<Invoice> ok -> invoices.add(ok.value());
          case TaskResult.Exit<Invoice> exit -> throw new IllegalStateException("pricing failed: " + exit.reason());
        }
      });
    }
    return new BatchReport(invoices, maxConcurrency, peak.get());
  }

  private Invoice price(Order order) {
    int tax = settings.get(Settings::taxPercent);
    return new Invoice(order.id(), tax, order.subtotalCents() + order.subtotalCents() * tax / 100);
  }
}
