package dev.arbor.server;

import dev.arbor.ExitReason;
import dev.arbor.internal.Process;

/** The messages only a server loop consumes; {@code Proc.receive} inside a handler never returns them. */
final class Envelopes {
  private Envelopes() {}

  /** A call: the request and where its answer goes. */
  record CallRequest(String handler, Object request, CallSlot slot) implements Process.LoopMessage {}

  /** A cast. */
  record CastRequest(Object request) implements Process.LoopMessage {}

  /** {@code stop(reason)} from outside: run {@code @Terminate}, then exit with the reason. */
  record StopRequest(ExitReason reason) implements Process.LoopMessage {}

  /** Asks the loop for its state object, for debugging ({@code sys:get_state}). */
  record GetState(CallSlot slot) implements Process.LoopMessage {}
}
