package dev.arbor.dist.genserver;

import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Binary;
import dev.arbor.dist.term.ErlList;
import dev.arbor.dist.term.Tuple;
import dev.arbor.remote.SystemReply;

/**
 * The answer to {@code {system, From, Request}}, what {@code sys} sends a {@code gen_server}:
 * {@code get_state} is answered {@code {ok, State}}, the state as {@code Server.getStatus} shows it
 * (a binary: a Java object has no term form). That is the reply of OTP 26.1 on, whose {@code
 * sys:get_state} takes only that shape; OTP 25's takes any reply and so returns {@code {ok, State}}
 * whole, where a bare state would crash a newer caller. {@code get_status} is answered with {@code
 * gen_server}'s own status shape, so that {@code sys:get_status/1} shows an Arbor server as it shows
 * an Erlang one. Every other request (suspend, resume, replace_state, trace, statistics,
 * terminate, code change) is answered as {@code sys} answers a request it does not know, {@code
 * {error, {unknown_system_msg, Request}}}, at once rather than after the caller's timeout.
 */
final class SysReply implements SystemReply {
  private static final Atom GET_STATE = Atom.of("get_state");
  private static final Atom GET_STATUS = Atom.of("get_status");

  private final GenReply reply;
  private final Object request;

  SysReply(GenReply reply, Object request) {
    this.reply = reply;
    this.request = request;
  }

  @Override
  public void answer(Status status) {
    if (GET_STATE.equals(request)) {
      reply.send(Tuple.of(Atom.of("ok"), Binary.ofUtf8(status.state())));
    } else if (GET_STATUS.equals(request)) {
      reply.send(status(status));
    } else {
      reply.send(Tuple.of(GenReply.ERROR, Tuple.of(Atom.of("unknown_system_msg"), request)));
    }
  }

  /**
   * {@code {status, Pid, {module, gen_server}, [PDict, running, Parent, Debug, Misc]}}, with Misc as
   * {@code gen_server:format_status/2} builds it: a header and the data sections, labels as
   * charlists. An unlinked server is its own parent, as {@code gen_server} has it for a process
   * started without one.
   */
  private static Tuple status(Status status) {
    Object parent = status.parent() != null ? status.parent() : status.server();
    String header = "Status for generic server "
        + (status.name() != null ? status.name() : status.server().toString());
    ErlList misc = ErlList.of(
        Tuple.of(Atom.of("header"), charlist(header)),
        Tuple.of(Atom.of("data"), ErlList.of(
            Tuple.of(charlist("Status"), Atom.of("running")),
            Tuple.of(charlist("Parent"), parent),
            Tuple.of(charlist("Logged events"), ErlList.NIL))),
        Tuple.of(Atom.of("data"), ErlList.of(
            Tuple.of(charlist("State"), Binary.ofUtf8(status.state())))));
    return Tuple.of(Atom.of("status"), status.server(), Tuple.of(Atom.of("module"), Atom.of("gen_server")),
        ErlList.of(ErlList.NIL, Atom.of("running"), parent, ErlList.NIL, misc));
  }

  /** An Erlang string: a list of character codes. */
  private static ErlList charlist(String text) {
    return ErlList.of(text.codePoints().mapToObj(c -> (Object) (long) c).toArray());
  }
}
