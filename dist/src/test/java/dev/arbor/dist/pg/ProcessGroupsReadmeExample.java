package dev.arbor.dist.pg;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.dist.Node;
import dev.arbor.dist.term.Atom;
import java.time.Duration;
import java.util.List;

/**
 * The README's process-group example, kept here so that it compiles against the API as it is (the
 * sample app's ReadmeTest finds the README's block in this file). It needs an Elixir node typed at
 * by hand, so no test runs it; {@code ProcessGroupsInteropTest} runs the same steps against a
 * scripted one.
 */
final class ProcessGroupsReadmeExample {
  private ProcessGroupsReadmeExample() {}

  static List<Pid> run(Node node) {
    // Elixir:  iex --name ex@127.0.0.1 --cookie secret
    //          :pg.start_link(); :pg.join(:workers, self())
    ProcessGroups pg = ProcessGroups.start(node);            // :pg.start_link(), not linked
    pg.join(Atom.of("workers"), Proc.self());                // :pg.join(:workers, self())
    node.ping("ex@127.0.0.1", Duration.ofSeconds(5));        // the two scopes meet
    List<Pid> all = pg.members(Atom.of("workers"));          // soon both pids; in Elixir
                                                             // :pg.get_members(:workers) too
    return all;
  }
}
