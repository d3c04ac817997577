package dev.arbor.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keys that map to any number of slots. Each process's slots live in the partition its pid hashes
 * to (Elixir's duplicate registry), so a key's entries may be spread over every partition. Under a
 * key sits a concurrent set, changed only inside the map's {@code compute} for that key, so a set is
 * dropped exactly when its last slot goes and registering or leaving stays O(1) however many
 * processes share the key.
 */
final class DuplicateKeys extends KeyIndex {
  private final List<ConcurrentHashMap<Object, Set<Slot>>> partitions;

  DuplicateKeys(int n) {
    partitions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      partitions.add(new ConcurrentHashMap<>());
    }
  }

  private ConcurrentHashMap<Object, Set<Slot>> partitionOf(Slot slot) {
    return partitions.get(partition(slot.entry.pid().hashCode(), partitions.size()));
  }

  @Override
  Slot add(Slot slot) {
    partitionOf(slot).compute(slot.key(), (key, set) -> {
      Set<Slot> slots = set != null ? set : ConcurrentHashMap.newKeySet(2);
      slots.add(slot);
      return slots;
    });
    size.increment();
    return null;
  }

  @Override
  void remove(Slot slot) {
    boolean[] removed = new boolean[1];
    partitionOf(slot).computeIfPresent(slot.key(), (key, set) -> {
      removed[0] = set.remove(slot);
      return set.isEmpty() ? null : set;
    });
    if (removed[0]) {
      size.decrement();
    }
  }

  @Override
  List<Registry.Entry<Object, Object>> lookup(Object key) {
    List<Registry.Entry<Object, Object>> entries = new ArrayList<>();
    for (ConcurrentHashMap<Object, Set<Slot>> map : partitions) {
      collect(map.get(key), entries);
    }
    return Collections.unmodifiableList(entries);
  }

  @Override
  void dispatch(Object key, Consumer<List<Registry.Entry<Object, Object>>> consumer) {
    for (ConcurrentHashMap<Object, Set<Slot>> map : partitions) {
      List<Registry.Entry<Object, Object>> entries = new ArrayList<>();
      collect(map.get(key), entries);
      if (!entries.isEmpty()) {
        consumer.accept(Collections.unmodifiableList(entries));
      }
    }
  }

  private static void collect(Set<Slot> slots, List<Registry.Entry<Object, Object>> into) {
    if (slots != null) {
      for (Slot s : slots) {
        if (s.isLive()) {
          into.add(s.entry);
        }
      }
    }
  }

  @Override
  void forEach(Consumer<Slot> action) {
    for (ConcurrentHashMap<Object, Set<Slot>> map : partitions) {
      map.values().forEach(set -> set.forEach(action));
    }
  }

  @Override
  void clear() {
    partitions.forEach(ConcurrentHashMap::clear);
    size.reset();
  }
}
