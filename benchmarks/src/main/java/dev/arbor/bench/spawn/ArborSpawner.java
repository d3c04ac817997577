package dev.arbor.bench.spawn;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.ProcessInfo;
import dev.arbor.bench.call.ArborCaller;
import dev.arbor.bench.call.Caller;
import dev.arbor.bench.common.EchoServerClient;
import dev.arbor.server.StartOptions;
import java.time.Duration;

/**
 * Idle {@code EchoServer}s started by a process through the client's {@code start}, which returns once
 * the server's init has run (GenServer.start); with {@code hibernate}, each starts with {@code
 * hibernateAfter(0)} and so releases its virtual thread as soon as it is idle.
 */
final class ArborSpawner implements Spawner {
  private final boolean hibernate;
  private final ArborCaller caller = new ArborCaller();
  private Pid[] servers = new Pid[0];

  ArborSpawner(boolean hibernate) {
    this.hibernate = hibernate;
  }

  @Override
  public Caller caller() {
    return caller;
  }

  @Override
  public long startIdle(int count) throws Exception {
    StartOptions options = hibernate ? StartOptions.defaults().hibernateAfter(Duration.ZERO) : StartOptions.defaults();
    Pid[] started = new Pid[count];
    long[] nanos = new long[1];
    Pid me = Proc.self();
    Proc.spawn(() -> {
      long t0 = System.nanoTime();
      for (int i = 0; i < count; i++) {
        started[i] = EchoServerClient.start(options).pid();
      }
      nanos[0] = System.nanoTime() - t0;
      me.send("started");
    });
    Proc.receive();
    servers = started;
    return nanos[0];
  }

  @Override
  public void settle() throws Exception {
    if (!hibernate) {
      return;
    }
    for (Pid pid : servers) {
      for (int tries = 0; ; tries++) {
        ProcessInfo.Status status = Proc.info(pid).orElseThrow().status();
        if (status == ProcessInfo.Status.HIBERNATED) {
          break;
        }
        if (tries > 1000) {
          throw new IllegalStateException(pid + " is " + status + ", not hibernated");
        }
        Thread.sleep(1);
      }
    }
  }

  @Override
  public int alive() {
    int n = 0;
    for (Pid pid : servers) {
      if (pid.isAlive()) {
        n++;
      }
    }
    return n;
  }
}
