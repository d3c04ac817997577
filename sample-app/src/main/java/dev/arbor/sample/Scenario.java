package dev.arbor.sample;

import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.agent.Agent;
import dev.arbor.sample.batch.BatchReport;
import dev.arbor.sample.batch.InvoiceBatch;
import dev.arbor.sample.batch.Order;
import dev.arbor.sample.cache.CacheClient;
import dev.arbor.sample.cache.Evicted;
import dev.arbor.sample.desk.OrderDesk;
import dev.arbor.sample.payments.PaymentsClient;
import dev.arbor.sample.pool.PoolClient;
import dev.arbor.sample.pool.PoolEmptyException;
import dev.arbor.sample.pool.Reclaimed;
import dev.arbor.sample.session.SessionClient;
import dev.arbor.sample.session.Sessions;
import dev.arbor.sample.settings.Settings;
import dev.arbor.server.CallTimeoutException;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The sample app's scripted run: starts the {@link OrderDesk}, serves a few requests, prices a batch,
 * crashes a session on purpose, kills a pool borrower, lets a cache entry expire, makes a call time
 * out, closes a session, prints the supervision tree and stops. Every wait is for a message (a
 * supervisor event, a {@code Down}, a server's notification), bounded by {@link #WAIT}; nothing
 * sleeps. {@link #run} returns what happened, so a test can check it.
 */
public final class Scenario {
  /** The longest the scenario waits for any one event. */
  static final Duration WAIT = Duration.ofSeconds(5);

  /** The session that crashed on purpose: its pid, the one its supervisor started, the one its name finds now. */
  public record SessionCrash(String userId, Pid crashed, Pid restarted, Pid foundByName) {}

  /** The borrower killed while it held a connection, and what the pool did about it. */
  public record PoolReclaim(Pid borrower, String connection, String reclaimed, int availableWhileBorrowed,
      int availableAfter) {}

  /** The cache entry left to expire, and what the cache answered for it after its cleanup. */
  public record CacheExpiry(String key, Optional<String> valueAfter, int sizeAfter) {}

  /**
   * What happened during a run.
   *
   * @param lines every line said, in order
   * @param batch the batch job's report
   * @param crash the session crashed on purpose and restarted
   * @param reclaim the connection taken back from a dead borrower
   * @param expiry the cache entry that expired
   * @param callTimeout what the call to the stalled payment gateway threw
   * @param requestsServed the requests counter before shutdown
   * @param tree the supervision tree before shutdown
   */
  public record Outcome(List<String> lines, BatchReport batch, SessionCrash crash, PoolReclaim reclaim,
      CacheExpiry expiry, CallTimeoutException callTimeout, int requestsServed, String tree) {
    public Outcome {
      lines = List.copyOf(lines);
    }
  }

  /** A user adds an item to their cart. */
  private record Request(String user, String item) {}

  /** A borrower tells the scenario which connection it got. */
  private record Borrowed(Pid borrower, String connection) {}

  private final Consumer<String> out;
  private final List<String> lines = new ArrayList<>();

  private Scenario(Consumer<String> out) {
    this.out = out;
  }

  /**
   * Runs the scenario in the calling thread, passing each line to {@code out} as it happens, and
   * returns what happened. The desk is stopped when it returns, also when a step failed.
   */
  public static Outcome run(Consumer<String> out) {
    return new Scenario(out).run();
  }

  private Outcome run() {
    try (var me = Proc.adopt()) {
      CountDownLatch bankOnline = new CountDownLatch(1);
      OrderDesk desk = OrderDesk.start(Duration.ofMillis(20), bankOnline);
      BatchReport batch;
      SessionCrash crash;
      PoolReclaim reclaim;
      CacheExpiry expiry;
      CallTimeoutException timeout;
      int served;
      String tree;
      try {
        say("desk: started " + OrderDesk.NAME + " " + desk.supervisor().pid() + "; this script runs as " + me.pid());
        serveRequests(desk);
        batch = priceBatch(desk);
        crash = crashSession(desk.sessions());
        reclaim = killBorrower(desk.pool());
        expiry = expireQuote(desk.quotes(), desk.settings());
        timeout = stallPayments(desk.payments(), bankOnline);
        closeSession(desk.sessions(), "bob");
        served = desk.requests().get();
        say("requests: " + served + " served; alice made " + desk.hitCounters().hits("alice")
            + " of them, counted by hit-counter partition " + desk.hitCounters().supervisor().partition("alice"));
        tree = desk.tree();
        say("tree:");
        tree.lines().forEach(line -> say("  " + line));
      } finally {
        bankOnline.countDown(); // never leave the gateway blocked, even if a step failed
        desk.stop();
        say("desk: stopped");
      }
      return new Outcome(lines, batch, crash, reclaim, expiry, timeout, served, tree);
    }
  }

  private void say(String line) {
    lines.add(line);
    out.accept(line);
  }

  /** Counts a request in the requests counter and in the user's hit counter. */
  private static void served(OrderDesk desk, String userId) {
    desk.requests().increment();
    desk.hitCounters().hit(userId);
  }

  private void serveRequests(OrderDesk desk) {
    Sessions sessions = desk.sessions();
    List<Request> requests =
        List.of(new Request("alice", "teapot"), new Request("bob", "kettle"), new Request("alice", "cups"));
    for (Request request : requests) {
      SessionClient session = sessions.open(request.user());
      List<String> cart = session.addToCart(request.item());
      served(desk, request.user());
      say("session " + request.user() + " " + session.pid() + ": added " + request.item() + ", cart " + cart);
    }
    SessionClient alice = sessions.open("alice");
    int discount = alice.applyCoupon("WELCOME10");
    served(desk, "alice");
    say("session alice: coupon WELCOME10 gives " + discount + "%; " + sessions.count() + " sessions open");
  }

  private BatchReport priceBatch(OrderDesk desk) {
    Agent<Settings> settings = desk.settings();
    int before = settings.get(Settings::taxPercent);
    settings.update(s -> s.withTaxPercent(25));
    say("settings: tax " + before + "% -> " + settings.get(Settings::taxPercent) + "%");
    List<Order> orders = IntStream.rangeClosed(1, 8).mapToObj(i -> new Order("order-" + i, 1_000L * i)).toList();
    BatchReport report = new InvoiceBatch(settings).run(orders, settings.get(Settings::batchConcurrency));
    say("batch: priced " + report.invoices().size() + " orders in tasks, at most " + report.maxConcurrency()
        + " at once (peak " + report.peakConcurrency() + "), total " + report.totalCents() + " cents");
    return report;
  }

  private SessionCrash crashSession(Sessions sessions) {
    String user = "alice";
    sessions.supervisor().subscribe(Proc.self());
    try {
      SessionClient alice = SessionClient.of(sessions.nameOf(user));
      Pid crashed = alice.pid();
      try {
        alice.applyCoupon("FREE-TEAPOT");
        throw new IllegalStateException("an unknown coupon should crash the session");
      } catch (ExitException e) {
        say("session " + user + " " + crashed + ": coupon FREE-TEAPOT crashed it (" + summary(e.reason())
            + "); see the crash report");
      }
      ChildRestarted restarted = Proc.receive(ChildRestarted.class, WAIT)
          .orElseThrow(() -> new IllegalStateException("the session supervisor did not restart " + user));
      Pid found = alice.pid(); // the same client: it looks the name up at each call
      say("session " + user + ": restarted by its supervisor as " + restarted.newPid() + ", found by name as "
          + found + ", cart " + alice.cart());
      return new SessionCrash(user, crashed, restarted.newPid(), found);
    } finally {
      sessions.supervisor().unsubscribe(Proc.self());
    }
  }

  private PoolReclaim killBorrower(PoolClient pool) {
    pool.subscribe(Proc.self());
    Pid script = Proc.self();
    Pid borrower = Proc.spawn(() -> {
      try {
        script.send(new Borrowed(Proc.self(), pool.checkout()));
        Proc.receive(); // holds the connection until told otherwise, or killed
      } catch (PoolEmptyException e) {
        script.send(e);
      }
    });
    Borrowed borrowed = Proc.receive(Borrowed.class, WAIT)
        .orElseThrow(() -> new IllegalStateException("the borrower got no connection"));
    int whileBorrowed = pool.available();
    say("pool: borrower " + borrower + " checked out " + borrowed.connection() + "; " + whileBorrowed + " of "
        + OrderDesk.CONNECTIONS.size() + " free");
    Proc.exit(borrower, ExitReason.kill());
    Reclaimed reclaimed = Proc.receive(Reclaimed.class, WAIT)
        .orElseThrow(() -> new IllegalStateException("the pool did not take back " + borrowed.connection()));
    int after = pool.available();
    say("pool: borrower " + reclaimed.borrower() + " was " + reclaimed.reason() + "; the pool took back "
        + reclaimed.resource() + "; " + after + " of " + OrderDesk.CONNECTIONS.size() + " free");
    return new PoolReclaim(borrower, borrowed.connection(), reclaimed.resource(), whileBorrowed, after);
  }

  private CacheExpiry expireQuote(CacheClient quotes, Agent<Settings> settings) {
    quotes.subscribe(Proc.self());
    String shortLived = "quote:alice";
    quotes.put(shortLived, "EUR 41.90", Duration.ofMillis(100));
    quotes.put("quote:bob", "EUR 18.50", settings.get(Settings::quoteTtl));
    say("cache: quote:alice cached for 100 ms, quote:bob for " + settings.get(Settings::quoteTtl).toSeconds()
        + " s; quote:alice -> " + quotes.get(shortLived).orElse("(none)"));
    Proc.receive(m -> m instanceof Evicted e && e.key().equals(shortLived), WAIT)
        .orElseThrow(() -> new IllegalStateException("the cache never swept " + shortLived));
    Optional<String> after = quotes.get(shortLived);
    int size = quotes.size();
    say("cache: the cleanup swept quote:alice; quote:alice -> " + after.orElse("(none)") + ", quote:bob -> "
        + quotes.get("quote:bob").orElse("(none)") + ", " + size + " entry left");
    return new CacheExpiry(shortLived, after, size);
  }

  private CallTimeoutException stallPayments(PaymentsClient payments, CountDownLatch bankOnline) {
    CallTimeoutException timeout = null;
    try {
      payments.withTimeout(Duration.ofMillis(200)).charge("order-9", 4_190);
      throw new IllegalStateException("the stalled gateway answered");
    } catch (CallTimeoutException e) {
      timeout = e;
      say("payments: the bank is stalled; " + e.getMessage());
    }
    bankOnline.countDown();
    String receipt = payments.charge("order-10", 1_850);
    say("payments: the bank is back; " + receipt + "; the late reply to order-9 was dropped");
    return timeout;
  }

  private void closeSession(Sessions sessions, String user) {
    Pid pid = sessions.find(user).orElseThrow().pid();
    Proc.monitor(pid);
    sessions.close(user);
    Down down = Proc.receive(m -> m instanceof Down d && d.pid().equals(pid), WAIT).map(Down.class::cast)
        .orElseThrow(() -> new IllegalStateException("the session of " + user + " did not stop"));
    say("session " + user + " " + pid + ": closed on demand (" + down.reason() + "); open: "
        + sessions.find(user).isPresent() + "; " + sessions.count() + " session(s) open");
  }

  private static String summary(ExitReason reason) {
    return reason.cause() != null ? reason.cause().getClass().getSimpleName() + ": " + reason.cause().getMessage()
        : reason.toString();
  }
}
