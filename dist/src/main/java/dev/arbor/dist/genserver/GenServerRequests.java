package dev.arbor.dist.genserver;

import dev.arbor.Pid;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Tuple;
import dev.arbor.mapping.ServerTerms;
import dev.arbor.mapping.TermType;
import dev.arbor.remote.Incoming;
import dev.arbor.remote.RemoteRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code gen_server}'s messages to a local remote server: {@code {'$gen_call', {Pid, Tag},
 * Request}}, {@code {'$gen_cast', Request}}, {@code sys}'s {@code {system, {Pid, Tag}, Request}}
 * (see {@link SysReply}), and any other message for its {@code @Info} handlers.
 * A request is {@code {atom, arg...}}, or the bare atom for a handler without arguments. A call
 * that fits no handler is answered {@code {error, {badarg, <<"why">>}}}; a cast that fits none is
 * dropped; both are logged. Runs in the server's process.
 */
public final class GenServerRequests implements RemoteRequests {
  private static final System.Logger LOG = System.getLogger(GenServerRequests.class.getName());
  private static final Atom GEN_CALL = Atom.of("$gen_call");
  private static final Atom GEN_CAST = Atom.of("$gen_cast");
  private static final Atom SYSTEM = Atom.of("system");
  private static final Incoming REFUSED = new Incoming.Refused();

  private final ReplyRoute route;

  /** Requests whose replies leave through {@code route}. */
  public GenServerRequests(ReplyRoute route) {
    this.route = route;
  }

  @Override
  public Incoming read(ServerTerms terms, Pid server, Object message) {
    // {'$gen_call', From, Request} and sys's {system, From, Request}, From being {Pid, Tag}.
    if (message instanceof Tuple t && t.size() == 3
        && t.get(1) instanceof Tuple from && from.size() == 2 && from.get(0) instanceof Pid caller) {
      if (GEN_CALL.equals(t.get(0))) {
        return call(terms, server, caller, from.get(1), t.get(2));
      }
      if (SYSTEM.equals(t.get(0))) {
        return new Incoming.SystemMessage(
            new SysReply(new GenReply(route, server, caller, from.get(1), SYSTEM), t.get(2)));
      }
    }
    if (message instanceof Tuple t && t.size() == 2 && GEN_CAST.equals(t.get(0))) {
      return cast(terms, server, t.get(1));
    }
    return info(terms, message);
  }

  private Incoming call(ServerTerms terms, Pid server, Pid caller, Object tag, Object request) {
    GenReply reply = new GenReply(route, server, caller, tag, request);
    try {
      ServerTerms.Request handler = match(terms, true, request);
      reply.encodeAs(handler.reply());
      return new Incoming.Call(handler.handler(), handler.message().apply(arguments(handler, request)), reply);
    } catch (Mismatch m) {
      LOG.log(System.Logger.Level.WARNING, "[arbor.remote] refused a call from " + caller + " to "
          + server + ": " + m.getMessage());
      reply.refuse(m.getMessage());
      return REFUSED;
    }
  }

  private static Incoming cast(ServerTerms terms, Pid server, Object request) {
    try {
      ServerTerms.Request handler = match(terms, false, request);
      return new Incoming.Cast(handler.message().apply(arguments(handler, request)));
    } catch (Mismatch m) {
      LOG.log(System.Logger.Level.WARNING, "[arbor.remote] dropped a cast to " + server + ": "
          + m.getMessage());
      return REFUSED;
    }
  }

  /**
   * The first {@code @Info} type the message fits, in source order; a handler of any term ({@code
   * Object}) last, so that a more precise type wins as it would in the generated dispatch.
   */
  private static Incoming info(ServerTerms terms, Object message) {
    List<TermType> types = new ArrayList<>(terms.infos());
    types.sort((a, b) -> Boolean.compare(isAnyTerm(a), isAnyTerm(b)));
    for (TermType type : types) {
      try {
        return new Incoming.Info(TermMapping.decode(type, message));
      } catch (Mismatch m) {
        // try the next handler's type
      }
    }
    return null;
  }

  private static boolean isAnyTerm(TermType type) {
    return type instanceof TermType.Term t && t.type() == Object.class;
  }

  private static ServerTerms.Request match(ServerTerms terms, boolean call, Object request)
      throws Mismatch {
    String atom;
    int arity;
    if (request instanceof Atom a) {
      atom = a.name();
      arity = 0;
    } else if (request instanceof Tuple t && t.size() > 0 && t.get(0) instanceof Atom a) {
      atom = a.name();
      arity = t.size() - 1;
    } else {
      throw new Mismatch("a request is an atom or a tuple that starts with one, got "
          + TermMapping.show(request));
    }
    Optional<ServerTerms.Request> found = terms.request(call, atom, arity);
    if (found.isEmpty()) {
      List<String> known = terms.requests().stream().filter(r -> r.call() == call)
          .map(r -> r.atom() + "/" + r.arguments().size()).toList();
      throw new Mismatch("no " + (call ? "@Call" : "@Cast") + " takes " + atom + " with " + arity
          + " argument" + (arity == 1 ? "" : "s") + " (" + TermMapping.show(request) + "); it takes "
          + (known.isEmpty() ? "none" : String.join(", ", known)));
    }
    return found.get();
  }

  private static Object[] arguments(ServerTerms.Request handler, Object request) throws Mismatch {
    List<TermType> types = handler.arguments();
    Object[] values = new Object[types.size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = TermMapping.decode(types.get(i), ((Tuple) request).get(i + 1));
      } catch (Mismatch m) {
        throw m.within(handler.atom() + " argument " + (i + 1));
      }
    }
    return values;
  }
}
