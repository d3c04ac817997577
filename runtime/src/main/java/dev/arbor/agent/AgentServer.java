package dev.arbor.agent;

import dev.arbor.ProcessInfo;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerType;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The agent's dispatcher, written as the processor would write one: each request runs the caller's
 * function against the state, in the agent's process, one request at a time. A function that throws
 * crashes the agent, as in Elixir; the caller of {@code get} or {@code update} then gets {@link
 * dev.arbor.ExitException} with the crash.
 */
final class AgentServer implements Dispatcher<AgentServer.State, AgentServer.Request> {
  static final ServerType<State, Request> TYPE =
      ServerType.builder(Agent.class, Agent.class, new AgentServer()).kind(ProcessInfo.Kind.AGENT).build();

  private AgentServer() {}

  /** The agent's state; a box, since every update replaces it. */
  static final class State {
    Object value;

    State(Object value) {
      this.value = value;
    }

    @Override
    public String toString() {
      return "Agent.State[" + value + "]";
    }
  }

  /** What callers ask of the agent. */
  sealed interface Request {}

  record Get(Function<Object, Object> fn) implements Request {}

  /** A call ({@code update}) or a cast ({@code cast}): replaces the state with what {@code fn} returns. */
  record Update(UnaryOperator<Object> fn) implements Request {}

  record GetAndUpdate(Function<Object, Agent.Result<?, ?>> fn) implements Request {}

  @Override
  public Object dispatch(State state, Request request, CallContext call) {
    return switch (request) {
      case Get get -> get.fn().apply(state.value);
      case Update update -> {
        state.value = update.fn().apply(state.value);
        yield null;
      }
      case GetAndUpdate both -> {
        Agent.Result<?, ?> result = both.fn().apply(state.value);
        if (result == null) {
          throw new NullPointerException("the getAndUpdate function returned null; return an Agent.Result");
        }
        state.value = result.state();
        yield result.reply();
      }
    };
  }
}
