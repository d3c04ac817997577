package dev.arbor.sample.pool;

import dev.arbor.Down;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.annotation.Call;
import dev.arbor.annotation.GenServer;
import dev.arbor.annotation.Info;
import dev.arbor.server.Server;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pool of named connections. It shows a server that watches its callers: {@link #checkout()} takes
 * the borrower from {@code Server.caller()} and monitors it, so when a borrower dies without giving
 * its connection back, the {@link Down} reaches {@code @Info} and the connection returns to the pool.
 * Subscribers hear of each such reclaim as a {@link Reclaimed} message.
 */
@GenServer
public final class Pool {
  private record Loan(String resource, Pid borrower) {}

  private final int size;
  private final Deque<String> free;
  private final Map<Ref, Loan> loans = new HashMap<>();
  private final Set<Pid> subscribers = new HashSet<>();

  /** A pool of {@code resources}, all free. */
  public Pool(List<String> resources) {
    this.size = resources.size();
    this.free = new ArrayDeque<>(resources);
  }

  /** Lends the caller a connection until it checks it in or dies. */
  @Call
  public String checkout() throws PoolEmptyException {
    String resource = free.pollFirst();
    if (resource == null) {
      throw new PoolEmptyException(size);
    }
    Pid borrower = Server.caller();
    loans.put(Proc.monitor(borrower), new Loan(resource, borrower));
    return resource;
  }

  /** Gives back a connection the caller borrowed; returns whether it had borrowed it. */
  @Call
  public boolean checkin(String resource) {
    Pid caller = Server.caller();
    for (Map.Entry<Ref, Loan> e : loans.entrySet()) {
      if (e.getValue().resource().equals(resource) && e.getValue().borrower().equals(caller)) {
        Proc.demonitor(e.getKey());
        loans.remove(e.getKey());
        free.addLast(resource);
        return true;
      }
    }
    return false;
  }

  /** How many connections are free now. */
  @Call
  public int available() {
    return free.size();
  }

  /** Sends {@code subscriber} a {@link Reclaimed} for every connection taken back from a dead borrower. */
  @Call
  public void subscribe(Pid subscriber) {
    if (subscribers.add(subscriber)) {
      Proc.monitor(subscriber);
    }
  }

  /** A borrower (or a subscriber) exited: take its connection back. */
  @Info
  public void onDown(Down down) {
    Loan loan = loans.remove(down.ref());
    if (loan == null) {
      subscribers.remove(down.pid());
      return;
    }
    free.addLast(loan.resource());
    for (Pid subscriber : subscribers) {
      subscriber.send(new Reclaimed(loan.resource(), loan.borrower(), down.reason()));
    }
  }
}
