package dev.arbor.sample;

import dev.arbor.ExitException;
import dev.arbor.Proc;
import dev.arbor.observer.Observer;
import dev.arbor.sample.desk.OrderDesk;
import dev.arbor.sample.session.SessionClient;
import dev.arbor.sample.session.Sessions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sample app with the live observer on ({@code mvn -q -pl sample-app -am package exec:exec
 * -DskipTests -Dobserver}): starts the {@link OrderDesk} and an {@link Observer}, prints the
 * observer's URL, then keeps the desk busy until the JVM is stopped (Ctrl-C): shoppers open sessions
 * and fill carts, quotes are cached, requests counted, and every few seconds a session is crashed on
 * purpose (an unknown coupon) so that the tree page shows a restart. An optional argument stops it
 * after that many seconds.
 */
public final class ObserverMode {
  private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");
  private static final List<String> ITEMS = List.of("teapot", "kettle", "cups", "saucers", "tea", "spoons");
  /** A shopper's cart is emptied (session closed) past this many items, so state stays small. */
  private static final int CART_LIMIT = 12;
  /** About one request in this many crashes a session on purpose. */
  private static final int CRASH_ONE_IN = 150;

  private ObserverMode() {}

  @SuppressWarnings("try") // the observer and the identity live for the block; it names neither
  public static void main(String[] args) throws InterruptedException {
    long stopAt = args.length > 0 ? System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[0])).toNanos() : Long.MAX_VALUE;
    CountDownLatch bankOnline = new CountDownLatch(0); // the gateway answers at once here
    OrderDesk desk = OrderDesk.start(Duration.ofSeconds(1), bankOnline);
    try (Observer observer = Observer.start(); var me = Proc.adopt()) {
      System.out.println("order desk running with background traffic; open the URL above; Ctrl-C stops it");
      ThreadLocalRandom random = ThreadLocalRandom.current();
      while (System.nanoTime() < stopAt) {
        String user = USERS.get(random.nextInt(USERS.size()));
        try {
          shop(desk, user, random);
        } catch (ExitException crashedOrRestarting) {
          // the session crashed (on purpose) or is being restarted: the next request finds the new one
        }
        Thread.sleep(20 + random.nextInt(60)); // a shopper's pace, not a wait for an event
      }
    } finally {
      desk.stop();
    }
  }

  private static void shop(OrderDesk desk, String user, ThreadLocalRandom random) {
    Sessions sessions = desk.sessions();
    SessionClient session = sessions.open(user);
    desk.requests().increment();
    desk.hitCounters().hit(user);
    if (random.nextInt(CRASH_ONE_IN) == 0) {
      System.out.println("injecting a crash: " + user + "'s session gets an unknown coupon");
      session.applyCoupon("FREE-TEAPOT");
      return;
    }
    List<String> cart = session.addToCart(ITEMS.get(random.nextInt(ITEMS.size())));
    if (cart.size() >= CART_LIMIT) {
      sessions.close(user);
    }
    String quote = "quote:" + cart.get(cart.size() - 1);
    Optional<String> cached = desk.quotes().get(quote);
    if (cached.isEmpty()) {
      desk.quotes().put(quote, (100 + random.nextInt(900)) + " cents", Duration.ofSeconds(5));
    }
  }
}
