package dev.arbor.sample.batch;

import static dev.arbor.testkit.Testkit.startSupervised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.sample.settings.Settings;
import dev.arbor.sample.settings.SettingsAgent;
import dev.arbor.testkit.ArborTest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@ArborTest
class InvoiceBatchTest {
  @Test
  void pricesEveryOrderInOrderWithTheAgentsTaxAndBoundedConcurrency() {
    startSupervised(SettingsAgent.childSpec(Settings.defaults().withTaxPercent(10)));
    List<Order> orders = IntStream.range(0, 10).mapToObj(i -> new Order("o" + i, 100L * (i + 1))).toList();
    BatchReport report = new InvoiceBatch(SettingsAgent.of()).run(orders, 2);
    assertEquals(orders.stream().map(Order::id).toList(), report.invoices().stream().map(Invoice::orderId).toList());
    assertEquals(new Invoice("o0", 10, 110), report.invoices().get(0));
    assertEquals(110L * 55, report.totalCents());
    assertTrue(report.peakConcurrency() <= 2, "peak " + report.peakConcurrency());
  }
}
