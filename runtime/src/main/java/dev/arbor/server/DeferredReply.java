package dev.arbor.server;

import dev.arbor.Pid;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Objects;

/** A {@link Reply} handed to a handler that answers later; answers go straight to the call's slot. */
final class DeferredReply<T> implements Reply<T> {
  private final CallSlot slot;
  private final String handler;
  private final List<Class<?>> declared;
  private static final VarHandle ANSWERED;

  static {
    try {
      ANSWERED = MethodHandles.lookup().findVarHandle(DeferredReply.class, "answered", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile boolean answered;

  DeferredReply(CallSlot slot, String handler, List<Class<?>> declared) {
    this.slot = slot;
    this.handler = handler;
    this.declared = declared;
  }

  @Override
  public void send(T value) {
    markAnswered();
    slot.succeed(value);
  }

  @Override
  public void fail(Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    markAnswered();
    slot.fail(isRethrowable(failure) ? failure
        : new CallFailedException(handler + " failed with an undeclared checked exception: " + failure, failure));
  }

  private boolean isRethrowable(Throwable t) {
    if (t instanceof RuntimeException || t instanceof Error) {
      return true;
    }
    for (Class<?> type : declared) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private void markAnswered() {
    if (!ANSWERED.compareAndSet(this, false, true)) {
      throw new IllegalStateException("the reply to " + handler + " was already sent; a call is answered exactly once");
    }
  }

  @Override
  public Pid caller() {
    return slot.callerPid();
  }

  @Override
  public String toString() {
    return "Reply[" + handler + " from " + caller() + (answered ? ", answered" : "") + "]";
  }
}
