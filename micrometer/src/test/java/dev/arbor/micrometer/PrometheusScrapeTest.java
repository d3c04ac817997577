package dev.arbor.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.micrometer.TestServers.Msg;
import dev.arbor.server.ServerRef;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import dev.arbor.supervisor.SupervisorSpec;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What Prometheus reads: the registry's scrape text after a short run of servers and a supervisor. */
class PrometheusScrapeTest {
  private static final Duration BOUND = Duration.ofSeconds(10);

  static final class Scraped {}

  /** The value of the one sample of {@code metric} whose labels include all of {@code labels}. */
  private static double sample(String scrape, String metric, String... labels) {
    List<String> lines = scrape.lines().filter(l -> (l.startsWith(metric + "{") || l.startsWith(metric + " "))
        && List.of(labels).stream().allMatch(label -> l.contains(label))).toList();
    assertEquals(1, lines.size(), () -> "expected one " + metric + " line with " + List.of(labels) + " in\n" + scrape);
    Matcher m = Pattern.compile(" (\\S+)$").matcher(lines.get(0));
    assertTrue(m.find(), lines.get(0));
    return Double.parseDouble(m.group(1));
  }

  @Test
  void prometheusScrapeShowsArborMeters() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ArborMetrics arbor = new ArborMetrics();
    arbor.bindTo(registry);
    try (var me = Proc.adopt(); arbor) {
      ServerRef<Msg> server = ServerRef.start(TestServers.type(Scraped.class), StartOptions.named("scraped"), Object::new);
      server.call("echo", new Msg.Echo("hi"));
      Ref ref = Proc.monitor(server.pid());
      assertThrows(ExitException.class, () -> server.call("crash", new Msg.Crash()));
      assertTrue(Proc.receive(m -> m instanceof Down d && d.ref().equals(ref), BOUND).isPresent());

      BlockingQueue<Pid> started = new LinkedBlockingQueue<>();
      Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().name("scrape-sup").child(ChildSpec.worker("worker",
          () -> {
            Pid p = Proc.spawnLink(() -> Proc.receive());
            started.add(p);
            return Optional.of(p);
          })));
      sup.subscribe(me.pid());
      Proc.exit(started.poll(BOUND.toSeconds(), TimeUnit.SECONDS), ExitReason.kill());
      assertTrue(Proc.receive(ChildRestarted.class, BOUND).isPresent());

      arbor.flush(); // call timings reach their timers within 50 ms; a test does not wait
      String scrape = registry.scrape();
      String cls = "server=\"" + Scraped.class.getName() + "\"";
      assertEquals(1, sample(scrape, "arbor_server_calls_seconds_count", cls, "handler=\"echo\"", "outcome=\"reply\""));
      assertTrue(scrape.contains("# TYPE arbor_server_calls_seconds histogram"), "a histogram Prometheus can aggregate");
      assertTrue(scrape.lines().anyMatch(l -> l.startsWith("arbor_server_calls_seconds_bucket{") && l.contains(cls)
          && l.contains("le=\"+Inf\"")), "histogram buckets");
      assertEquals(1, sample(scrape, "arbor_process_crashes_total", cls));
      assertEquals(1, sample(scrape, "arbor_supervisor_restarts_total", "supervisor=\"scrape-sup\"", "child=\"worker\""));
      assertTrue(sample(scrape, "arbor_processes_exited_total", "reason=\"crash\"") >= 1);
      assertTrue(sample(scrape, "arbor_processes_exited_total", "reason=\"killed\"") >= 1);
      assertTrue(sample(scrape, "arbor_processes_spawned_total") >= 3);
      assertTrue(sample(scrape, "arbor_processes", "kind=\"supervisor\"") >= 1);
      assertTrue(sample(scrape, "arbor_processes", "kind=\"thread\"") >= 1);
      assertTrue(scrape.contains("arbor_mailbox_longest_messages{kind=\"server\"}"), "mailbox gauges");
      assertTrue(scrape.lines().noneMatch(l -> l.startsWith("arbor_") && l.contains("<0.")), "no pid in any label");
      sup.stop();
    }
  }
}
