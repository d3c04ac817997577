package dev.arbor.dist.genserver;

import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.dist.connection.Batch;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Binary;
import dev.arbor.dist.term.ImproperList;
import dev.arbor.dist.term.Tuple;
import dev.arbor.mapping.ServerTerms;
import dev.arbor.mapping.TermType;
import dev.arbor.remote.RemoteCalls;
import dev.arbor.remote.RemoteReplyException;
import dev.arbor.server.CallTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code gen_server:call/3} and {@code cast/2} from a local process to a server on another node, as
 * OTP 24+ makes them: the caller monitors the server (by pid, or by name on its node), makes the
 * monitor's reference an alias, sends {@code {'$gen_call', {Self, [alias|Ref]}, Request}} and waits
 * for {@code {[alias|Ref], Reply}} or the monitor's {@code Down}. A BEAM server answers through
 * {@code gen:reply/2}, an Arbor one through {@link GenReply}; both send to the alias, so a reply
 * that comes after the caller gave up is dropped by this node rather than left in its mailbox.
 */
public final class GenServerCalls implements RemoteCalls {
  private static final Atom GEN_CALL = Atom.of("$gen_call");
  private static final Atom GEN_CAST = Atom.of("$gen_cast");
  private static final List<Object> ALIAS = List.of(Atom.of("alias"));

  private final CallAliases aliases;

  /** Calls whose replies come back through {@code aliases}. */
  public GenServerCalls(CallAliases aliases) {
    this.aliases = aliases;
  }

  @Override
  public Object call(Object server, ServerTerms.Request request, Object[] arguments, Duration timeout,
      String describe) {
    Object message = requestTerm(request, arguments); // a bad argument fails before any signal
    Pid self = Proc.self();
    Ref monitor;
    Object tag;
    Optional<Object> answer;
    try (Batch batch = Batch.open()) { // the monitor and the request leave in one write
      monitor = server instanceof Pid pid ? Proc.monitor(pid) : Proc.monitor(name(server));
      tag = new ImproperList(ALIAS, monitor);
      aliases.activate(monitor, self);
      try {
        send(server, Tuple.of(GEN_CALL, Tuple.of(self, tag), message));
      } catch (RuntimeException e) { // a message over the frame limit, say
        aliases.deactivate(monitor);
        Proc.demonitor(monitor);
        throw e;
      }
    }
    try {
      answer = Proc.receive(m -> isReply(m, tag) || m instanceof Down d && d.ref().equals(monitor),
          timeout);
    } finally {
      aliases.deactivate(monitor);
      try (Batch batch = Batch.lazy()) { // the peer hears of it with the next frame
        Proc.demonitor(monitor); // flushes a Down that came after the reply
      }
    }
    if (answer.isEmpty()) {
      // The alias is gone, but a reply may have arrived between the wait's end and its removal.
      Proc.receive(m -> isReply(m, tag), Duration.ZERO);
      throw new CallTimeoutException(describe, request.handler(), timeout);
    }
    if (answer.get() instanceof Down down) {
      throw exited(down.reason(), describe, request.handler());
    }
    return reply(request, ((Tuple) answer.get()).get(1), describe);
  }

  @Override
  public void cast(Object server, ServerTerms.Request request, Object[] arguments) {
    send(server, Tuple.of(GEN_CAST, requestTerm(request, arguments)));
  }

  /** The atom for a request without arguments, else {@code {atom, Arg...}}. */
  static Object requestTerm(ServerTerms.Request request, Object[] arguments) {
    List<TermType> types = request.arguments();
    if (arguments.length != types.size()) {
      throw new IllegalArgumentException(request.handler() + " takes " + types.size()
          + " arguments, got " + arguments.length);
    }
    if (types.isEmpty()) {
      return Atom.of(request.atom());
    }
    Object[] elements = new Object[types.size() + 1];
    elements[0] = Atom.of(request.atom());
    for (int i = 0; i < arguments.length; i++) {
      elements[i + 1] = TermMapping.encode(types.get(i), arguments[i]);
    }
    return Tuple.of(elements);
  }

  private static Object reply(ServerTerms.Request request, Object term, String describe) {
    try {
      return TermMapping.decode(request.reply(), term);
    } catch (Mismatch m) {
      Exception declared = declared(request, term);
      if (declared != null) {
        throw GenServerCalls.<RuntimeException>sneaky(declared); // the client method declares it
      }
      throw new RemoteReplyException(describe + " answered " + request.handler() + " with "
          + TermMapping.show(term) + ", which its reply type does not hold: " + m.getMessage(), term);
    }
  }

  /**
   * The declared exception an error term {@code {error, {ClassName, Message}}} stands for, rebuilt
   * with its message, or null when the term is no such error.
   */
  private static Exception declared(ServerTerms.Request request, Object term) {
    if (term instanceof Tuple error && error.size() == 2 && GenReply.ERROR.equals(error.get(0))
        && error.get(1) instanceof Tuple failure && failure.size() == 2
        && failure.get(0) instanceof Atom name && failure.get(1) instanceof Binary message) {
      var create = request.failures().get(name.name());
      if (create != null) {
        return create.apply(message.asString());
      }
    }
    return null;
  }

  private static ExitException exited(ExitReason reason, String describe, String handler) {
    String what = switch (reason.kind()) {
      case NOPROC -> "no process: " + describe + " is not alive";
      case NOCONNECTION -> "no connection: " + describe + " is on a node that cannot be reached";
      default -> describe + " exited with " + reason;
    };
    return new ExitException(reason, what + " (" + handler + ")");
  }

  /** Throws a checked exception where the compiler cannot see it, as the typed client declares it. */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }

  private static boolean isReply(Object message, Object tag) {
    return message instanceof Tuple t && t.size() == 2 && tag.equals(t.get(0));
  }

  private static void send(Object server, Object message) {
    if (server instanceof Pid pid) {
      Proc.send(pid, message);
    } else {
      Proc.send(name(server), message);
    }
  }

  private static Name name(Object server) {
    if (server instanceof Name.Remote remote) {
      return remote;
    }
    throw new IllegalArgumentException("a server on another node is a pid or a Name.remote, got "
        + Objects.requireNonNull(server, "server"));
  }
}
