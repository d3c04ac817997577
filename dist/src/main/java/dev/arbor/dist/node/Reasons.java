package dev.arbor.dist.node;

import dev.arbor.ExitReason;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Binary;
import dev.arbor.dist.term.Tuple;

/**
 * Exit reasons between Arbor and Erlang. Erlang's well-known atoms map to their {@link
 * ExitReason} kinds; any other atom becomes {@code ExitReason.of(name)} (an atom-like string) and
 * any other term {@code ExitReason.of(term)}. A Java crash goes out as {@code {ClassName,
 * <<"message">>}}.
 */
final class Reasons {
  private Reasons() {}

  static ExitReason fromWire(Object term) {
    if (term instanceof Atom atom) {
      return switch (atom.name()) {
        case "normal" -> ExitReason.normal();
        case "shutdown" -> ExitReason.shutdown();
        case "kill" -> ExitReason.kill();
        case "killed" -> ExitReason.killed();
        case "noproc" -> ExitReason.noproc();
        case "timeout" -> ExitReason.timeout();
        case "noconnection" -> ExitReason.noconnection();
        default -> ExitReason.of(atom.name());
      };
    }
    if (term instanceof Tuple t && t.size() == 2 && Atom.of("shutdown").equals(t.get(0))) {
      return ExitReason.shutdown(t.get(1));
    }
    return ExitReason.of(term);
  }

  static Object toWire(ExitReason reason) {
    return switch (reason.kind()) {
      case SHUTDOWN -> reason.term() == null ? Atom.of("shutdown")
          : Tuple.of(Atom.of("shutdown"), reason.term());
      case OTHER -> reason.term() instanceof String name ? Atom.of(name) : reason.term();
      case CRASH -> Tuple.of(Atom.of(reason.cause().getClass().getName()),
          Binary.ofUtf8(String.valueOf(reason.cause().getMessage())));
      default -> Atom.of(reason.kind().name().toLowerCase(java.util.Locale.ROOT));
    };
  }
}
