package dev.arbor.supervisor;

import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.ProcessInfo;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerFactory;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartException;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.Requests.Request;
import dev.arbor.supervisor.Requests.TryAgain;
import java.time.Duration;

/**
 * A supervisor is a GenServer (as OTP's is): this is its dispatcher, written by hand the way the
 * processor writes one, on the same loop as every other server. The loop traps exits for it, so a
 * child's exit arrives as an {@link Exit} message to {@link #info}, and the parent's {@code shutdown}
 * stops it through {@link #terminate}.
 */
final class SupervisorServer implements Dispatcher<SupervisorState, Request> {
  /**
   * OTP calls supervisors, and waits for their start, with {@code infinity}: starting or stopping a
   * child may legitimately take long. A year stands in for it.
   */
  static final Duration FOREVER = Duration.ofDays(365);

  private static final SupervisorServer DISPATCH = new SupervisorServer();

  static final ServerType<SupervisorState, Request> STATIC = type(Supervisor.class);
  static final ServerType<SupervisorState, Request> DYNAMIC = type(DynamicSupervisor.class);

  private static ServerType<SupervisorState, Request> type(Class<?> handle) {
    return ServerType.builder(handle, handle, DISPATCH)
        .trapExits(true)
        .kind(ProcessInfo.Kind.SUPERVISOR)
        .defaultCallTimeoutMillis(FOREVER.toMillis())
        .build();
  }

  private SupervisorServer() {}

  @Override
  public Object dispatch(SupervisorState state, Request request, CallContext call) {
    return state.handle(request);
  }

  @Override
  public boolean info(SupervisorState state, Object message) {
    if (message instanceof Exit exit) {
      state.childExited(exit);
      return true;
    }
    if (message instanceof TryAgain retry) {
      state.tryAgain(retry);
      return true;
    }
    return false;
  }

  @Override
  public void init(SupervisorState state) {
    state.init();
  }

  @Override
  public void terminate(SupervisorState state, ExitReason reason) {
    state.terminate(reason);
  }

  /**
   * Starts a supervisor process and returns once its children have started. A child that failed to
   * start surfaces as a {@link StartException} naming the child, with the child's own failure as
   * cause.
   */
  static Pid start(ServerType<SupervisorState, Request> type, Name name, ServerFactory<SupervisorState> state,
      boolean link) {
    StartOptions options = (name != null ? StartOptions.named(name) : StartOptions.defaults()).timeout(FOREVER);
    try {
      ServerRef<Request> ref = link ? ServerRef.startLink(type, options, state) : ServerRef.start(type, options, state);
      return ref.pid();
    } catch (StartException e) {
      if (e.getCause() instanceof ChildStartFailure failure) {
        throw new StartException(failure.getMessage(), failure.getCause());
      }
      throw e;
    }
  }

  /** A supervisor is top-level unless another supervisor starts it linked, as its child. */
  static boolean topLevel(boolean link) {
    return !link || !LiveSupervisors.callerIsSupervisor();
  }
}
