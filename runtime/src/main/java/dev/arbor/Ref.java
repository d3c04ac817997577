package dev.arbor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A unique reference (Erlang's {@code make_ref()}): returned by {@link Proc#monitor(Pid)}, carried by
 * the matching {@link Down}, and usable as a tag in the user's own request/reply protocols.
 */
public final class Ref {
  private static final AtomicLong IDS = new AtomicLong();

  private final long id;
  private final Object handle;

  Ref(Object handle) {
    this(IDS.incrementAndGet(), handle);
  }

  /** The reference numbered {@code id} again, as it comes back from another node: equal to the first. */
  Ref(long id, Object handle) {
    this.id = id;
    this.handle = handle;
  }

  long id() {
    return id;
  }

  /** A fresh reference, unequal to every other. */
  public static Ref make() {
    return new Ref(null);
  }

  Object handle() {
    return handle;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ref other && other.id == id;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "#Ref<0." + id + ">";
  }
}
