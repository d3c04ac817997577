package dev.arbor.sample.desk;

import dev.arbor.Name;
import dev.arbor.agent.Agent;
import dev.arbor.sample.cache.CacheClient;
import dev.arbor.sample.counter.CounterClient;
import dev.arbor.sample.metrics.HitCounters;
import dev.arbor.sample.payments.PaymentsClient;
import dev.arbor.sample.pool.PoolClient;
import dev.arbor.sample.session.Sessions;
import dev.arbor.sample.settings.Settings;
import dev.arbor.sample.settings.SettingsAgent;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The order desk: one top-level supervisor over every part of the sample app, started in this order:
 *
 * <ol>
 *   <li>{@code settings}, an Agent holding {@link Settings};
 *   <li>{@code requests}, the README's counter, counting requests served;
 *   <li>{@code quotes}, a cache of price quotes that expire;
 *   <li>{@code db-pool}, a pool of database connections;
 *   <li>{@code payments}, the payment gateway;
 *   <li>{@code hit-counters}, per-user hit counters under a PartitionSupervisor;
 *   <li>{@code sessions}, a {@code restForOne} supervisor: the session Registry, then the
 *       DynamicSupervisor of the sessions that register in it.
 * </ol>
 *
 * <p>The top level is {@code oneForOne}: its children do not depend on one another, so a crash in
 * one restarts only that one. Every server is registered under a name, and every handle here looks
 * the name up at each call, so a handle stays good across restarts.
 */
public final class OrderDesk {
  /** The top-level supervisor's name. */
  public static final String NAME = "order-desk";
  /** The connections of the pool. */
  public static final List<String> CONNECTIONS = List.of("db-1", "db-2", "db-3");

  private final Supervisor supervisor;
  private final HitCounters hitCounters;
  private final Sessions sessions = new Sessions();

  private OrderDesk(Supervisor supervisor, HitCounters hitCounters) {
    this.supervisor = supervisor;
    this.hitCounters = hitCounters;
  }

  /**
   * Starts the desk and returns once every server runs. The quote cache sweeps every {@code
   * cacheSweep}; the payment gateway's bank answers once {@code bankOnline} is open.
   */
  public static OrderDesk start(Duration cacheSweep, CountDownLatch bankOnline) {
    HitCounters hitCounters = new HitCounters(4);
    Supervisor supervisor = Supervisor.start(SupervisorSpec.oneForOne()
        .name(NAME)
        .maxRestarts(5, Duration.ofSeconds(10))
        .child(SettingsAgent.childSpec(Settings.defaults()))
        .child(CounterClient.childSpec(StartOptions.named("requests"), 0))
        .child(CacheClient.childSpec(StartOptions.named("quotes"), cacheSweep))
        .child(PoolClient.childSpec(StartOptions.named("db-pool"), CONNECTIONS))
        .child(PaymentsClient.childSpec(StartOptions.named("payments"), bankOnline))
        .child(hitCounters.childSpec())
        .child(Sessions.childSpec()));
    return new OrderDesk(supervisor, hitCounters);
  }

  public Supervisor supervisor() {
    return supervisor;
  }

  public Agent<Settings> settings() {
    return SettingsAgent.of();
  }

  public CounterClient requests() {
    return CounterClient.of(Name.local("requests"));
  }

  public CacheClient quotes() {
    return CacheClient.of(Name.local("quotes"));
  }

  public PoolClient pool() {
    return PoolClient.of(Name.local("db-pool"));
  }

  public PaymentsClient payments() {
    return PaymentsClient.of(Name.local("payments"));
  }

  public HitCounters hitCounters() {
    return hitCounters;
  }

  public Sessions sessions() {
    return sessions;
  }

  /** The live supervision tree, as text. */
  public String tree() {
    return Supervisor.tree(supervisor.pid());
  }

  /** Stops every server, newest first, then the top-level supervisor. */
  public void stop() {
    supervisor.stop();
  }
}
