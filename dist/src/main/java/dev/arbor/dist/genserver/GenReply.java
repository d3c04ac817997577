package dev.arbor.dist.genserver;

import dev.arbor.Pid;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Binary;
import dev.arbor.dist.term.ImproperList;
import dev.arbor.dist.term.Tuple;
import dev.arbor.mapping.TermType;
import dev.arbor.remote.RemoteReply;

/**
 * The answer to one {@code gen_server} call: {@code {Tag, Reply}} to where {@code gen:reply/2}
 * would send it. The tag is {@code [alias|Ref]} from OTP 24 on, and then the reply goes to the
 * alias; any other tag (an older node's reference, or a local Java process's) goes to the pid.
 */
final class GenReply implements RemoteReply {
  private static final System.Logger LOG = System.getLogger(GenReply.class.getName());
  static final Atom ERROR = Atom.of("error");
  private static final Atom ALIAS = Atom.of("alias");
  private static final Atom BADREPLY = Atom.of("badreply");

  private final ReplyRoute route;
  private final Pid server;
  private final Pid caller;
  private final Object tag;
  /** The request answered, named in log lines only: its name is not worked out unless one is written. */
  private final Object request;
  private TermType type;

  GenReply(ReplyRoute route, Pid server, Pid caller, Object tag, Object request) {
    this.route = route;
    this.server = server;
    this.caller = caller;
    this.tag = tag;
    this.request = request;
  }

  /** The request's atom, for log lines about its reply. */
  private String handler() {
    if (request instanceof Tuple t && t.size() > 0) {
      return String.valueOf(t.get(0));
    }
    return String.valueOf(request);
  }

  /** The type the handler's reply encodes with, known once the request has been matched. */
  void encodeAs(TermType replyType) {
    this.type = replyType;
  }

  @Override
  public void reply(Object value) {
    Object term;
    try {
      term = TermMapping.encode(type, value);
    } catch (RuntimeException e) {
      // The handler returned what its own signature rules out: tell the caller, as no term can carry it.
      LOG.log(System.Logger.Level.ERROR, "[arbor.remote] " + handler() + " on " + server
          + " replied with a value that has no term form for " + caller + ": " + e);
      term = Tuple.of(ERROR, Tuple.of(BADREPLY, Binary.ofUtf8(handler() + " replied with "
          + TermMapping.show(value) + ", which has no term form: " + e.getMessage())));
    }
    send(term);
  }

  /** {@code {error, {'com.example.OutOfStock', <<"message">>}}}: the crash reason's shape, as a reply. */
  @Override
  public void fail(Throwable declared) {
    send(Tuple.of(ERROR, Tuple.of(Atom.of(declared.getClass().getName()),
        Binary.ofUtf8(String.valueOf(declared.getMessage())))));
  }

  /** {@code {error, {badarg, <<"why">>}}}: the request fits no handler. */
  void refuse(String why) {
    send(Tuple.of(ERROR, Tuple.of(Atom.of("badarg"), Binary.ofUtf8(why))));
  }

  /** Sends {@code {Tag, reply}} to the alias in the tag, or else to the caller. */
  void send(Object reply) {
    Object to = tag instanceof ImproperList alias && alias.elements().size() == 1
        && ALIAS.equals(alias.elements().get(0)) ? alias.tail() : caller;
    route.send(server, to, Tuple.of(tag, reply));
  }

  @Override
  public Pid caller() {
    return caller;
  }
}
