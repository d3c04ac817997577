package test;

import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.Continue;
import dev.arbor.annotation.GenServer;
import dev.arbor.annotation.Info;
import dev.arbor.annotation.Init;
import dev.arbor.annotation.Terminate;
import dev.arbor.server.Reply;
import dev.arbor.server.Server;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The representative server of the golden test: a generic class with overloads, varargs, checked
 * exceptions, deferred replies, javadoc, deprecation, {@code @Info} handlers whose types overlap,
 * and every lifecycle hook.
 */
@GenServer(defaultCallTimeoutMillis = 2_000, trapExits = true)
public final class Inventory<K extends Comparable<K>, V> {
  private final String name;
  private final Map<K, V> items = new TreeMap<>();
  private final List<String> tags = new ArrayList<>();
  private final List<Object> seen = new ArrayList<>();
  private Reply<V> pending;

  /** An empty inventory called {@code name}. */
  public Inventory(String name) {
    this.name = name;
  }

  /** An inventory called {@code name} that starts with {@code initial}. */
  public Inventory(String name, Map<K, V> initial) {
    this(name);
    items.putAll(initial);
  }

  Inventory(int capacity, String... tags) {
    this("sized-" + capacity);
    this.tags.addAll(List.of(tags));
  }

  /**
   * Returns the item stored under {@code key}.
   *
   * @param key the key to look up
   * @return the item, or null if there is none
   */
  @Call
  public V get(K key) {
    return items.get(key);
  }

  /** Counts every item. */
  @Call
  public int count() {
    return items.size();
  }

  /** Counts the items whose keys lie in [{@code from}, {@code to}). */
  @Call
  public int count(K from, K to) {
    return (int) items.keySet().stream().filter(k -> k.compareTo(from) >= 0 && k.compareTo(to) < 0).count();
  }

  /**
   * Stores {@code value} under {@code key}.
   *
   * @throws IOException if {@code key} is null: a business error the caller gets back
   */
  @Call
  public void put(K key, V value) throws IOException {
    if (key == null) {
      throw new IOException("no key");
    }
    items.put(key, value);
    if (pending != null && value != null) {
      pending.send(value);
      pending = null;
    }
  }

  @Cast
  public void putAll(Map<? extends K, ? extends V> entries) {
    items.putAll(entries);
  }

  /** Removes every key given; returns how many were there. */
  @SafeVarargs
  @Call
  public final int removeAll(K... keys) {
    int removed = 0;
    for (K key : keys) {
      removed += items.remove(key) == null ? 0 : 1;
    }
    return removed;
  }

  @Call
  public int tag(String... newTags) {
    tags.addAll(List.of(newTags));
    return tags.size();
  }

  @Call
  public <R> R transform(K key, Function<? super V, ? extends R> function) {
    return function.apply(items.get(key));
  }

  /**
   * Answers with the item under {@code key} once it is stored.
   *
   * @param key the key to wait for
   * @param reply answered by a later {@link #put}
   * @throws IOException never here, but a failure the reply may carry
   */
  @Call
  public void await(K key, Reply<V> reply) throws IOException {
    V value = items.get(key);
    if (value != null) {
      reply.send(value);
    } else {
      pending = reply;
    }
  }

  @Call
  public void flush(Reply<Void> reply) {
    reply.send(null);
  }

  /** Drops every item. @deprecated use {@link #putAll} with an empty map. */
  @Deprecated(since = "0.1")
  @Cast
  public void clear() {
    items.clear();
  }

  @Call
  public byte[] snapshot() {
    return name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Info
  public void onNumber(Number number) {
    seen.add("number:" + number);
  }

  @Info
  public void onInteger(Integer integer) {
    seen.add("integer:" + integer);
  }

  @Info
  public void onText(CharSequence text) {
    seen.add("text:" + text);
  }

  @Info
  public void onList(List<?> list) {
    seen.add("list:" + list.size());
  }

  @Call
  public List<Object> seen() {
    return List.copyOf(seen);
  }

  @Init
  void setUp() {
    seen.add("init");
    Server.continueWith(new Warmup(3));
  }

  @Continue
  void warmUp(Warmup warmup) {
    seen.add("warmup:" + warmup.rounds());
  }

  @Terminate
  void shutDown() {
    if (pending != null) {
      pending.fail(new IllegalStateException("stopped"));
    }
  }

  /** What {@link #warmUp} continues with. */
  public record Warmup(int rounds) {}
}
