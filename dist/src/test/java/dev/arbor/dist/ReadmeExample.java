package dev.arbor.dist;

import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.dist.Counter.Snapshot;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Tuple;
import java.time.Duration;

/**
 * The README's Distribution examples, kept here so that it compiles against the API as it is (the
 * sample app's ReadmeTest finds the README's block in this file). It needs an {@code erl} typed at by
 * hand, so no test runs it; {@code ErlangInteropTest} runs the same steps against a scripted erl.
 */
final class ReadmeExample {
  private ReadmeExample() {}

  static void run() throws Exception {
    // Terminal 1:  erl -name erl@127.0.0.1 -setcookie secret
    try (Node node = Node.builder("arbor@127.0.0.1").cookie("secret").start()) {
      Proc.register("inbox", Proc.self());
      // In erl:  {inbox, 'arbor@127.0.0.1'} ! {hello, self()}.
      Tuple hello = (Tuple) Proc.receive(Duration.ofMinutes(1)).orElseThrow();
      Pid shell = (Pid) hello.get(1);                  // a pid on erl@127.0.0.1
      Proc.send(shell, Tuple.of(Atom.of("hi"), "from Java"));
      // In erl:  flush().  shows {hi,<<"from Java">>}
      Proc.monitor(shell);                             // a Down when it exits, noconnection if erl dies
    }
  }

  /** "Calling an Arbor server on another node"; {@code RemoteClientTest} runs the same calls. */
  static Snapshot callAnotherNode(Pid pid) {
    CounterClient counter = CounterClient.of(Name.remote("counter", "b@127.0.0.1"));
    counter.incrementBy(5);                 // {'$gen_call', {Self, [alias|Ref]}, {increment_by, 5}}
    counter.increment();                    // {'$gen_cast', increment}
    Snapshot s = counter.snapshot();        // the map comes back as the record
    CounterClient.of(pid).get();            // a pid on b@127.0.0.1 works as well
    return s;
  }
}
