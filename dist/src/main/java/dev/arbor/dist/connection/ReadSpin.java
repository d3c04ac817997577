package dev.arbor.dist.connection;

/**
 * Whether, and for how long, a connection's reader goes on reading once the kernel has no more
 * bytes for it, before it sleeps in its selector.
 *
 * <p>Why: a reader that sleeps must be woken by the kernel when the next frame comes, and on a
 * virtual machine waking a thread whose CPU has gone idle costs tens of microseconds, as much as a
 * whole request's round trip on loopback. BEAM's schedulers busy-wait before they sleep for the same
 * reason. The reader yields the CPU between its reads, so a thread with work to do on the same core
 * (the peer node's, on one machine, or a carrier of this node) runs first: the spin only uses time
 * that nobody else wants.
 *
 * <p>A spin that found nothing makes the reader skip its next chances to spin, one after the first
 * miss and twice as many after each further miss in a row (up to {@value #MAX_SKIPS}); a spin that
 * found bytes ends the skipping. So a peer that answers slowly, or a connection that carries only
 * ticks, costs a spin now and then rather than one per frame. The state is the reading thread's only,
 * like the reader's buffer.
 */
final class ReadSpin {
  /** How long a reader spins by default ({@code -Darbor.dist.readSpinNanos}; 0 turns it off). */
  static final long DEFAULT_NANOS = Math.max(0, Long.getLong("arbor.dist.readSpinNanos", 20_000));
  /** The most chances skipped after a miss. */
  static final int MAX_SKIPS = 64;

  private final long nanos;
  /** Chances left to skip. */
  private int skips;
  /** How many to skip after the next miss: 0 after a spin that found bytes. */
  private int nextSkips;

  ReadSpin(long nanos) {
    this.nanos = nanos;
  }

  /** How long one spin lasts. */
  long nanos() {
    return nanos;
  }

  /** Whether the reader should spin at this chance; a chance not taken is counted. */
  boolean due() {
    if (nanos == 0) {
      return false;
    }
    if (skips > 0) {
      skips--;
      return false;
    }
    return true;
  }

  /** The spin found bytes. */
  void found() {
    nextSkips = 0;
  }

  /** The spin found nothing before its time was up. */
  void missed() {
    nextSkips = nextSkips == 0 ? 1 : Math.min(MAX_SKIPS, nextSkips * 2);
    skips = nextSkips;
  }
}
