package dev.arbor.internal;

/**
 * A short busy wait before a park, where the answer is likely to come within a few microseconds.
 *
 * <p>Why: a park and the unpark that ends it are the whole cost of a hand-off between two virtual
 * threads. Unparking a virtual thread submits it to the scheduler, which wakes an idle carrier
 * thread on another core (a futex wake, microseconds on a virtual machine); the parked side's
 * carrier, meanwhile, has gone idle and must be woken in turn for the answer. A waiter that spins
 * while its partner runs on another carrier is never parked, so its partner's send needs no wake-up
 * at all, the way Erlang's schedulers spin before they sleep. Spinning holds the carrier, though, so
 * it is done only where it is likely to pay: a call spins only when the server was on a carrier when
 * the call was sent (not parked, nor woken and queued, perhaps behind the caller on its own
 * carrier), and a receive only when the process's previous wait was shorter than the window (a
 * process that waits long, a member of a ring of 10,000 say, never spins) and its recent spins
 * paid: after each spin in a row that ended with nothing, a receive skips spinning for twice as
 * many waits as before (up to {@value #MAX_SKIPS}), so a partner that can only run once this
 * process parks (on one carrier, or queued behind it) costs it almost nothing.
 *
 * <p>With one carrier thread there is never a partner on another carrier, so spinning is off, and so
 * it is on Arbor's own {@link Scheduler}, which runs a woken partner on the waker's carrier and whose
 * idle carriers spin for work themselves;
 * otherwise the window is {@value #DEFAULT_NANOS} ns, and {@code -Darbor.spinNanos=N} sets it ({@code
 * 0} turns spinning off).
 */
public final class Spin {
  static final long DEFAULT_NANOS = 5_000;
  static final int MAX_SKIPS = 1024;
  /** The longest a waiter spins before it parks; 0 when virtual threads have one carrier. */
  public static final long NANOS = Math.max(0, Long.getLong("arbor.spinNanos",
      Scheduler.parallelism() > 1 && Scheduler.INSTANCE == null ? DEFAULT_NANOS : 0));

  private Spin() {}

  /** The bit of {@code Process.spinState} set while the last park was shorter than the window. */
  private static final int WAITED_SHORT = 0x10;
  /** The bits of {@code Process.spinState} that count spins in a row that found nothing. */
  private static final int MISSES = 0x0f;

  /** Whether {@code p}, about to park in a receive, should spin first; counts a skipped chance. */
  static boolean worthIt(Process p) {
    if ((p.spinState & WAITED_SHORT) == 0) {
      return false;
    }
    if (p.spinSkips > 0) {
      p.spinSkips--;
      return false;
    }
    return true;
  }

  /** {@code p} parked for {@code nanos}. */
  static void parked(Process p, long nanos) {
    p.spinState = (byte) (nanos < NANOS ? p.spinState | WAITED_SHORT : p.spinState & ~WAITED_SHORT);
  }

  /** A message came while {@code p} spun. */
  static void succeeded(Process p) {
    p.spinState = (byte) (p.spinState & ~MISSES);
  }

  /** Nothing came while {@code p} spun: it backs off, the more so the more often in a row. */
  static void failed(Process p) {
    int misses = Math.min(10, (p.spinState & MISSES) + 1);
    p.spinState = (byte) ((p.spinState & ~MISSES) | misses);
    p.spinSkips = (short) Math.min(MAX_SKIPS, 1 << misses);
  }

  /** The time at which a spin that starts now gives up. */
  public static long deadline() {
    return System.nanoTime() + NANOS;
  }

  /**
   * One turn of a spin loop: a pause, and every 64th turn a look at the clock. Returns false once
   * the deadline has passed.
   */
  public static boolean again(int turn, long deadline) {
    Thread.onSpinWait();
    return (turn & 63) != 0 || System.nanoTime() - deadline < 0;
  }
}
