package dev.arbor.registry;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The key side of a registry's table: where lookups, dispatch and selects read. Its partitions are
 * concurrent hash maps, read without locks; a slot is added by its own process and removed by that
 * process or by its exit hook. Readers skip slots whose process has already exited, so an entry is
 * never seen after its process is dead, even in the instant before its hook removes it.
 */
abstract class KeyIndex {
  /** Slots in the index; only the thread that adds or removes a slot changes it. */
  final LongAdder size = new LongAdder();

  static KeyIndex of(RegistrySpec spec) {
    return spec.keys() == RegistrySpec.Keys.UNIQUE ? new UniqueKeys(spec.partitions()) : new DuplicateKeys(spec.partitions());
  }

  /** Adds {@code slot}; returns null, or (unique keys only) the live slot that holds its key already. */
  abstract Slot add(Slot slot);

  /** Removes {@code slot} if it is still there. */
  abstract void remove(Slot slot);

  /** The live entries under {@code key}, every partition's in turn. */
  abstract List<Registry.Entry<Object, Object>> lookup(Object key);

  /** Calls {@code consumer} once per partition that holds live entries under {@code key}, with those entries. */
  abstract void dispatch(Object key, Consumer<List<Registry.Entry<Object, Object>>> consumer);

  /** Every slot, live or not, partition by partition. */
  abstract void forEach(Consumer<Slot> action);

  /** Forgets everything (the registry stopped). */
  abstract void clear();

  /** Spreads a hash code over {@code n} partitions. */
  static int partition(int hash, int n) {
    return n == 1 ? 0 : Math.floorMod(hash ^ (hash >>> 16), n);
  }
}
