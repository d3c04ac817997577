package dev.arbor.sample.cache;

import dev.arbor.Down;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.annotation.Call;
import dev.arbor.annotation.GenServer;
import dev.arbor.annotation.Info;
import dev.arbor.annotation.Init;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A string cache with a time-to-live per entry. It shows a server that schedules its own work: {@code
 * @Init} starts a {@code Proc.sendInterval} timer aimed at the server's own pid, and each {@link
 * Sweep} it sends drops the expired entries. The timer dies with the server, so a restarted cache
 * starts a fresh one. Subscribers hear of each eviction as an {@link Evicted} message.
 */
@GenServer
public final class Cache {
  private record Entry(String value, long expiresAtNanos) {
    boolean expired(long now) {
      return now - expiresAtNanos >= 0;
    }
  }

  private final Duration sweepEvery;
  private final Map<String, Entry> entries = new HashMap<>();
  private final Set<Pid> subscribers = new HashSet<>();

  /** A cache that looks for expired entries every {@code sweepEvery}. */
  public Cache(Duration sweepEvery) {
    this.sweepEvery = sweepEvery;
  }

  /** Starts the cleanup timer, in the server's own process. */
  @Init
  public void init() {
    Proc.sendInterval(Proc.self(), new Sweep(), sweepEvery);
  }

  /** Stores {@code value} under {@code key} for {@code ttl}, replacing any earlier entry. */
  @Call
  public void put(String key, String value, Duration ttl) {
    entries.put(key, new Entry(value, System.nanoTime() + ttl.toNanos()));
  }

  /** The value under {@code key}, unless it has expired (even if no cleanup has dropped it yet). */
  @Call
  public Optional<String> get(String key) {
    Entry entry = entries.get(key);
    return entry == null || entry.expired(System.nanoTime()) ? Optional.empty() : Optional.of(entry.value());
  }

  /** How many entries the cache holds, expired ones not yet swept included. */
  @Call
  public int size() {
    return entries.size();
  }

  /** Sends {@code subscriber} an {@link Evicted} for every entry a cleanup drops, until it exits. */
  @Call
  public void subscribe(Pid subscriber) {
    if (subscribers.add(subscriber)) {
      Proc.monitor(subscriber);
    }
  }

  /** The timer's tick: drops every expired entry and tells the subscribers. */
  @Info
  public void onSweep(Sweep sweep) {
    long now = System.nanoTime();
    List<String> dropped = new ArrayList<>();
    for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Entry> e = it.next();
      if (e.getValue().expired(now)) {
        dropped.add(e.getKey());
        it.remove();
      }
    }
    for (String key : dropped) {
      for (Pid subscriber : subscribers) {
        subscriber.send(new Evicted(key));
      }
    }
  }

  /** A subscriber exited: forget it. */
  @Info
  public void onDown(Down down) {
    subscribers.remove(down.pid());
  }
}
