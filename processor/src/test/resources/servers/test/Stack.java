package test;

import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.RemoteServer;
import java.util.List;
import java.util.Optional;

/**
 * A stack kept by an Erlang {@code gen_server}, registered as {@code stack}.
 *
 * @see #pop()
 */
@RemoteServer(defaultCallTimeoutMillis = 2_000)
public interface Stack {
  /** One labelled entry: Erlang sends it as {@code #{label => <<"a">>, weight => 3}}. */
  record Entry(String label, long weight) {}

  /**
   * Takes the top value off the stack.
   *
   * @return the value
   */
  @Call
  int pop();

  /** The top entry, without taking it: {@code gen_server:call(stack, top)}. */
  @Call(atom = "top")
  Optional<Entry> peek();

  @Call
  List<Entry> entriesAbove(long weight, boolean inclusive);

  /** Empties the stack; the server answers {@code ok}. */
  @Call
  void clear();

  /** Pushes a value. */
  @Cast
  void push(int value);

  @Cast
  void pushEntry(Entry entry);

  /** Not a request: it makes two. */
  default int popTwo() {
    return pop() + pop();
  }

  static String describe(Entry entry) {
    return entry.label() + " weighing " + entry.weight();
  }
}
