package dev.arbor.bench.ring;

import dev.arbor.Pid;
import dev.arbor.Proc;

/**
 * Plain Arbor processes ({@code Proc.spawn}, {@code Proc.receive}, {@code Pid.send}): each learns its
 * successor from its first message, then passes the token on with one hop fewer; the process that
 * gets 0 tells the main thread.
 */
final class ArborRing implements Ring {
  private static final Object LAP_DONE = "lap-done";
  private Pid first;

  @Override
  public void build(int size) {
    Pid main = Proc.self();
    Pid[] ring = new Pid[size];
    for (int i = 0; i < size; i++) {
      ring[i] = Proc.spawn(() -> {
        Pid next = (Pid) Proc.receive();
        for (; ; ) {
          int token = (Integer) Proc.receive();
          if (token == 0) {
            main.send(LAP_DONE);
          } else {
            next.send(token - 1);
          }
        }
      });
    }
    for (int i = 0; i < size; i++) {
      ring[i].send(ring[(i + 1) % size]);
    }
    first = ring[0];
  }

  @Override
  public void lap(int hops) {
    first.send(hops);
    Proc.receive();
  }
}
