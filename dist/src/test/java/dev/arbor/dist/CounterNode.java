package dev.arbor.dist;

import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorSpec;
import java.time.Duration;

/**
 * The other node of {@link RemoteClientTest}, run in a child JVM: {@code CounterNode name cookie
 * epmdPort}. It runs a {@link Counter} registered as {@code counter} under a supervisor, so that a
 * crashed counter comes back under its name. The JVM ends when its stdin closes.
 */
public final class CounterNode {
  private CounterNode() {}

  public static void main(String[] args) throws Exception {
    Node node = Node.builder(args[0]).cookie(args[1]).epmdPort(Integer.parseInt(args[2])).start();
    Supervisor supervisor = Supervisor.start(SupervisorSpec.oneForOne()
        .maxRestarts(100, Duration.ofSeconds(5))
        .child(CounterClient.childSpec(StartOptions.named("counter"))));
    System.out.println("READY");
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the parent to close stdin (or die)
    }
    supervisor.stop();
    node.stop();
    System.exit(0);
  }
}
