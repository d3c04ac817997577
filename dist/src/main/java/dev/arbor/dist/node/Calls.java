package dev.arbor.dist.node;

import dev.arbor.dist.term.ImproperList;
import dev.arbor.dist.term.Tuple;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replies to {@code $gen_call}s the node itself makes (ping), sent to its system pid: a reply is
 * {@code {Tag, Value}} with the tag the call carried, a reference or {@code [alias|Ref]}. Keys are the runtime's
 * {@code Ref}s, which come back from the wire as themselves.
 */
final class Calls {
  private final ConcurrentHashMap<Object, CompletableFuture<Object>> pending =
      new ConcurrentHashMap<>();

  CompletableFuture<Object> expect(Object ref) {
    CompletableFuture<Object> reply = new CompletableFuture<>();
    pending.put(ref, reply);
    reply.whenComplete((value, error) -> pending.remove(ref));
    return reply;
  }

  /** Completes the call a reply answers; false when it answers none (then it is dropped). */
  boolean complete(Object message) {
    if (message instanceof Tuple reply && reply.size() == 2) {
      Object tag = reply.get(0);
      if (tag instanceof ImproperList alias) {
        tag = alias.tail();
      }
      CompletableFuture<Object> call = pending.get(tag);
      if (call != null) {
        call.complete(reply.get(1));
        return true;
      }
    }
    return false;
  }
}
