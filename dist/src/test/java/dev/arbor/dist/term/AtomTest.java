package dev.arbor.dist.term;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How an atom prints: as Erlang writes it, quoted only when it must be. */
class AtomTest {
  @Test
  void atomsErlangWritesBarePrintBare() {
    assertEquals("ok", Atom.of("ok").toString());
    assertEquals("increment_by", Atom.of("increment_by").toString());
    assertEquals("srv_12@127", Atom.of("srv_12@127").toString());
    assertEquals("aZ9", Atom.of("aZ9").toString());
  }

  @Test
  void otherAtomsPrintQuotedWithTheirQuotesEscaped() {
    assertEquals("''", Atom.of("").toString());
    assertEquals("'Elixir.Stack'", Atom.of("Elixir.Stack").toString());
    assertEquals("'hello world'", Atom.of("hello world").toString());
    assertEquals("'$gen_call'", Atom.of("$gen_call").toString());
    assertEquals("'9lives'", Atom.of("9lives").toString());
    assertEquals("'it\\'s'", Atom.of("it's").toString());
    assertEquals("'été'", Atom.of("été").toString());
  }
}
