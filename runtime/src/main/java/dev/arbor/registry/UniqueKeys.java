package dev.arbor.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Keys that map to at most one slot, partitioned by the key's hash (Elixir's unique registry). */
final class UniqueKeys extends KeyIndex {
  private final List<ConcurrentHashMap<Object, Slot>> partitions;

  UniqueKeys(int n) {
    partitions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      partitions.add(new ConcurrentHashMap<>());
    }
  }

  private ConcurrentHashMap<Object, Slot> partitionOf(Object key) {
    return partitions.get(partition(key.hashCode(), partitions.size()));
  }

  @Override
  Slot add(Slot slot) {
    ConcurrentHashMap<Object, Slot> map = partitionOf(slot.key());
    for (; ; ) {
      Slot held = map.putIfAbsent(slot.key(), slot);
      if (held == null) {
        size.increment();
        return null;
      }
      if (held.isLive()) {
        return held;
      }
      // The holder has exited and its hook has not removed it yet: take its place, as Elixir does.
      // Its hook's removal then finds another slot there and leaves it (and the count) alone.
      if (map.replace(slot.key(), held, slot)) {
        return null;
      }
    }
  }

  @Override
  void remove(Slot slot) {
    if (partitionOf(slot.key()).remove(slot.key(), slot)) {
      size.decrement();
    }
  }

  @Override
  List<Registry.Entry<Object, Object>> lookup(Object key) {
    Slot slot = partitionOf(key).get(key);
    return slot != null && slot.isLive() ? List.of(slot.entry) : List.of();
  }

  @Override
  void dispatch(Object key, Consumer<List<Registry.Entry<Object, Object>>> consumer) {
    List<Registry.Entry<Object, Object>> entries = lookup(key);
    if (!entries.isEmpty()) {
      consumer.accept(entries);
    }
  }

  @Override
  void forEach(Consumer<Slot> action) {
    for (ConcurrentHashMap<Object, Slot> map : partitions) {
      map.values().forEach(action);
    }
  }

  @Override
  void clear() {
    partitions.forEach(ConcurrentHashMap::clear);
    size.reset();
  }
}
