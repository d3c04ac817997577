package dev.arbor.agent;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.agent.AgentServer.Get;
import dev.arbor.agent.AgentServer.GetAndUpdate;
import dev.arbor.agent.AgentServer.Request;
import dev.arbor.agent.AgentServer.State;
import dev.arbor.agent.AgentServer.Update;
import dev.arbor.server.CallTimeoutException;
import dev.arbor.server.ServerFactory;
import dev.arbor.server.ServerRef;
import dev.arbor.server.StartException;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Elixir's Agent: a process holding a state of type {@code S}, read and changed only by functions it
 * runs in its own process, one request at a time, so updates never interleave. The functions run
 * inside the agent: keep them short, since every other caller waits meanwhile, and let them return
 * immutable values, since what {@code get} returns is shared with the agent.
 *
 * <p>A function that throws crashes the agent (as in Elixir); the caller then gets {@link
 * ExitException} carrying the crash. {@link #get}, {@link #update} and {@link #getAndUpdate} wait for
 * the agent; {@link #cast} does not.
 *
 * <p>An instance is a handle, bound to a pid or to a name resolved at each call.
 *
 * @param <S> the state
 */
public final class Agent<S> {

  /** What a {@link #getAndUpdate} function returns: the caller's reply and the agent's new state. */
  public record Result<R, S>(R reply, S state) {}

  private final ServerRef<Request> ref;

  private Agent(ServerRef<Request> ref) {
    this.ref = ref;
  }

  // ------------------------------------------------------------------ starting

  /**
   * Starts an agent, not linked to the caller, whose state is what {@code initial} returns; {@code
   * initial} runs in the agent's process.
   *
   * @throws StartException if {@code initial} throws (the cause)
   */
  public static <S> Agent<S> start(Supplier<? extends S> initial) {
    return start(StartOptions.defaults(), initial);
  }

  /** {@link #start(Supplier)} with a name, a start timeout or {@code hibernateAfter}. */
  public static <S> Agent<S> start(StartOptions options, Supplier<? extends S> initial) {
    Objects.requireNonNull(options, "options");
    return new Agent<>(ServerRef.start(AgentServer.TYPE, options, factory(initial)));
  }

  /** Starts an agent linked to the caller. */
  public static <S> Agent<S> startLink(Supplier<? extends S> initial) {
    return startLink(StartOptions.defaults(), initial);
  }

  /** {@link #startLink(Supplier)} with options. */
  public static <S> Agent<S> startLink(StartOptions options, Supplier<? extends S> initial) {
    Objects.requireNonNull(options, "options");
    return new Agent<>(ServerRef.startLink(AgentServer.TYPE, options, factory(initial)));
  }

  /** A worker child spec that starts the agent linked to its supervisor; the id is "Agent". */
  public static ChildSpec childSpec(Supplier<?> initial) {
    return childSpec(StartOptions.defaults(), initial);
  }

  /** A worker child spec; its id is the registered name if {@code options} has one, else "Agent". */
  public static ChildSpec childSpec(StartOptions options, Supplier<?> initial) {
    Objects.requireNonNull(options, "options");
    return ServerRef.childSpec(AgentServer.TYPE, options, factory(initial));
  }

  private static ServerFactory<State> factory(Supplier<?> initial) {
    Objects.requireNonNull(initial, "initial");
    return () -> new State(initial.get());
  }

  /** A handle to the agent running as {@code pid}. */
  public static <S> Agent<S> of(Pid pid) {
    return new Agent<>(ServerRef.of(AgentServer.TYPE, Objects.requireNonNull(pid, "pid")));
  }

  /** A handle to whatever agent is registered under {@code name} at each call. */
  public static <S> Agent<S> of(Name name) {
    return new Agent<>(ServerRef.of(AgentServer.TYPE, Objects.requireNonNull(name, "name")));
  }

  /** The agent's pid (for a name: the one registered now). */
  public Pid pid() {
    return ref.pid();
  }

  /** The same agent with another timeout for {@link #get}, {@link #update} and {@link #getAndUpdate} (default 5 s). */
  public Agent<S> withTimeout(Duration timeout) {
    return new Agent<>(ref.withTimeout(timeout));
  }

  // ------------------------------------------------------------------ using it

  /**
   * Returns what {@code fn} computes from the state, run in the agent.
   *
   * @throws ExitException if the agent is not alive ({@code noproc}) or dies meanwhile, {@code fn}'s
   *     crash included
   * @throws CallTimeoutException if the agent does not answer in time
   */
  @SuppressWarnings("unchecked")
  public <R> R get(Function<? super S, ? extends R> fn) {
    Objects.requireNonNull(fn, "fn");
    return ref.call("get", new Get((Function<Object, Object>) fn));
  }

  /** Replaces the state with what {@code fn} returns, and waits until it has. */
  @SuppressWarnings("unchecked")
  public void update(UnaryOperator<S> fn) {
    Objects.requireNonNull(fn, "fn");
    ref.call("update", new Update((UnaryOperator<Object>) fn));
  }

  /**
   * Runs {@code fn} on the state; the agent keeps {@link Result#state()} and the caller gets {@link
   * Result#reply()} (Elixir's {@code get_and_update}).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <R> R getAndUpdate(Function<? super S, Result<R, S>> fn) {
    Objects.requireNonNull(fn, "fn");
    return ref.call("getAndUpdate", new GetAndUpdate((Function) fn));
  }

  /** Replaces the state with what {@code fn} returns, without waiting; dropped if the agent is not alive. */
  @SuppressWarnings("unchecked")
  public void cast(UnaryOperator<S> fn) {
    Objects.requireNonNull(fn, "fn");
    ref.cast(new Update((UnaryOperator<Object>) fn));
  }

  /** Stops the agent with {@code normal} and waits until it has exited. */
  public void stop() {
    ref.stop();
  }

  /**
   * Stops the agent with {@code reason}, waiting up to {@code timeout} (forever when null), past which
   * it is killed.
   */
  public void stop(ExitReason reason, Duration timeout) {
    ref.stop(reason, timeout);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Agent<?> a && a.ref.equals(ref);
  }

  @Override
  public int hashCode() {
    return ref.hashCode();
  }

  @Override
  public String toString() {
    return "Agent[" + ref + "]";
  }
}
