package dev.arbor.dist.genserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arbor.Pid;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Binary;
import dev.arbor.dist.term.ErlList;
import dev.arbor.dist.term.ErlRef;
import dev.arbor.dist.term.ImproperList;
import dev.arbor.dist.term.Tuple;
import dev.arbor.mapping.ServerTerms;
import dev.arbor.mapping.TermType;
import dev.arbor.remote.Handles;
import dev.arbor.remote.Incoming;
import dev.arbor.remote.SystemReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gen_server protocol and the term mapping, without a node: what a request becomes, where replies go. */
class GenServerRequestsTest {
  record Sent(Pid from, Object to, Object message) {}

  enum Mode { HEAT, COOL }

  record Settings(String name, Mode mode, Optional<String> room) {}

  record IncrementBy(int amount) {}

  record Bump(int amount) {}

  record Heat(Set<Mode> modes) {}

  record Configure(Settings settings) {}

  private static final TermType SETTINGS = TermType.recordOf(Settings.class,
      v -> new Settings((String) v[0], (Mode) v[1], optional(v[2])),
      TermType.<Settings>component("name", TermType.STRING, Settings::name),
      TermType.<Settings>component("mode", TermType.enumOf(Mode.class, Mode.values()), Settings::mode),
      TermType.<Settings>component("room", TermType.optionalOf(TermType.STRING), Settings::room));

  private static final ServerTerms TERMS = ServerTerms.builder()
      .call("increment_by", "incrementBy", TermType.INT, IncrementBy.class,
          a -> new IncrementBy((int) a[0]), m -> new Object[] {m.amount()}, TermType.INT)
      .call("configure", "configure", TermType.OK, Configure.class,
          a -> new Configure((Settings) a[0]), m -> new Object[] {m.settings()}, SETTINGS)
      .call("heat", "heat", TermType.OK, Heat.class, a -> new Heat(modes(a[0])),
          m -> new Object[] {m.modes()}, TermType.setOf(TermType.enumOf(Mode.class, Mode.values())))
      .cast("increment_by", "bump", Bump.class, a -> new Bump((int) a[0]),
          m -> new Object[] {m.amount()}, TermType.INT)
      .info(TermType.listOf(TermType.LONG))
      .build();

  private final List<Sent> sent = new ArrayList<>();
  private final GenServerRequests requests = new GenServerRequests((from, to, m) -> sent.add(new Sent(from, to, m)));
  private final Pid server = Handles.pid("arbor@127.0.0.1", 7, 0, 3);
  private final Pid caller = Handles.pid("ex@127.0.0.1", 42, 0, 9);
  private final ErlRef alias = new ErlRef(Atom.of("ex@127.0.0.1"), 9, new int[] {1, 2, 3});
  private final Object aliasTag = new ImproperList(List.of(Atom.of("alias")), alias);

  @SuppressWarnings("unchecked")
  private static Optional<String> optional(Object value) {
    return (Optional<String>) value;
  }

  @SuppressWarnings("unchecked")
  private static Set<Mode> modes(Object value) {
    return (Set<Mode>) value;
  }

  private Incoming call(Object tag, Object request) {
    return requests.read(TERMS, server, Tuple.of(Atom.of("$gen_call"), Tuple.of(caller, tag), request));
  }

  @Test
  void callWithAnAliasRepliesToTheAlias() {
    Incoming.Call call = assertInstanceOf(Incoming.Call.class,
        call(aliasTag, Tuple.of(Atom.of("increment_by"), 5L)));
    assertEquals("incrementBy", call.handler());
    assertEquals(new IncrementBy(5), call.message());
    call.reply().reply(6);
    assertEquals(List.of(new Sent(server, alias, Tuple.of(aliasTag, 6L))), sent);
  }

  @Test
  void setDecodesFromAListAndFromAnElixirMapSet() {
    Map<Object, Object> mapSet = Map.of(Atom.of("__struct__"), Atom.of("Elixir.MapSet"),
        Atom.of("map"), Map.of(Atom.of("heat"), ErlList.of(), Atom.of("cool"), ErlList.of()));
    Incoming.Call fromMapSet = assertInstanceOf(Incoming.Call.class,
        call(aliasTag, Tuple.of(Atom.of("heat"), mapSet)));
    assertEquals(new Heat(Set.of(Mode.HEAT, Mode.COOL)), fromMapSet.message());
    Incoming.Call fromList = assertInstanceOf(Incoming.Call.class,
        call(aliasTag, Tuple.of(Atom.of("heat"), ErlList.of(Atom.of("cool"), Atom.of("cool")))));
    assertEquals(new Heat(Set.of(Mode.COOL)), fromList.message());
  }

  private Incoming system(Object from, Object request) {
    return requests.read(TERMS, server, Tuple.of(Atom.of("system"), from, request));
  }

  @Test
  void sysGetStateIsAnsweredOkWithTheStateDescriptionToTheAlias() {
    Incoming.SystemMessage sys = assertInstanceOf(Incoming.SystemMessage.class,
        system(Tuple.of(caller, aliasTag), Atom.of("get_state")));
    sys.reply().answer(new SystemReply.Status(server, "counter", null, "Counter{count=3}"));
    assertEquals(List.of(new Sent(server, alias, Tuple.of(aliasTag,
        Tuple.of(Atom.of("ok"), Binary.ofUtf8("Counter{count=3}"))))), sent);
  }

  @Test
  void sysRequestArborDoesNotServeIsAnsweredWithUnknownSystemMsg() {
    Object suspend = Atom.of("suspend");
    Incoming.SystemMessage sys = assertInstanceOf(Incoming.SystemMessage.class,
        system(Tuple.of(caller, alias), suspend));
    sys.reply().answer(new SystemReply.Status(server, null, null, "state"));
    assertEquals(List.of(new Sent(server, caller, Tuple.of(alias, Tuple.of(Atom.of("error"),
        Tuple.of(Atom.of("unknown_system_msg"), suspend))))), sent);
  }

  @Test
  void systemTupleWithoutAFromIsAPlainMessage() {
    assertNull(system(Atom.of("nobody"), Atom.of("get_state")));
    assertEquals(List.of(), sent);
  }

  @Test
  void callWithAPlainTagRepliesToThePid() {
    Incoming.Call call = assertInstanceOf(Incoming.Call.class, call(alias, Tuple.of(Atom.of("increment_by"), 5L)));
    call.reply().reply(null);
    assertEquals(List.of(new Sent(server, caller, Tuple.of(alias, Atom.of("nil")))), sent);
  }

  @Test
  void recordDecodesFromAStructAndAMissingOptionalIsEmpty() {
    Map<Object, Object> struct = Map.of(Atom.of("__struct__"), Atom.of("Elixir.Settings"),
        Atom.of("name"), Binary.ofUtf8("hall"), Atom.of("mode"), Atom.of("cool"));
    Incoming.Call call = assertInstanceOf(Incoming.Call.class, call(aliasTag, Tuple.of(Atom.of("configure"), struct)));
    assertEquals(new Configure(new Settings("hall", Mode.COOL, Optional.empty())), call.message());
    call.reply().reply(null);
    assertEquals(Tuple.of(aliasTag, Atom.of("ok")), sent.get(0).message());
  }

  @Test
  void requestThatDoesNotFitIsRefusedWithBadargNamingThePart() {
    Object request = Tuple.of(Atom.of("configure"), Map.of(Atom.of("name"), Binary.ofUtf8("hall"),
        Atom.of("mode"), Atom.of("warm")));
    assertInstanceOf(Incoming.Refused.class, call(aliasTag, request));
    assertEquals(Tuple.of(aliasTag, Tuple.of(Atom.of("error"), Tuple.of(Atom.of("badarg"), Binary.ofUtf8(
        "configure argument 1: key :mode: expected one of [:heat, :cool], got warm")))), sent.get(0).message());
  }

  @Test
  void declaredExceptionIsAnErrorTupleWithItsClassAndMessage() {
    Incoming.Call call = assertInstanceOf(Incoming.Call.class, call(aliasTag, Tuple.of(Atom.of("increment_by"), 1L)));
    call.reply().fail(new java.io.IOException("disk full"));
    assertEquals(Tuple.of(aliasTag, Tuple.of(Atom.of("error"), Tuple.of(Atom.of("java.io.IOException"),
        Binary.ofUtf8("disk full")))), sent.get(0).message());
  }

  @Test
  void castThatDoesNotFitIsDroppedWithoutAReply() {
    assertInstanceOf(Incoming.Refused.class, requests.read(TERMS, server,
        Tuple.of(Atom.of("$gen_cast"), Tuple.of(Atom.of("increment_by"), Binary.ofUtf8("x")))));
    assertEquals(List.of(), sent);
  }

  @Test
  void plainMessageReachesTheInfoTypeItFitsOrStaysAsItIs() {
    Incoming.Info info = assertInstanceOf(Incoming.Info.class, requests.read(TERMS, server, ErlList.of(1L, 2L)));
    assertEquals(List.of(1L, 2L), info.value());
    assertNull(requests.read(TERMS, server, Atom.of("hello")));
  }
}
