package dev.arbor.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Proc;
import dev.arbor.registry.Registry;
import dev.arbor.registry.RegistrySpec;
import dev.arbor.server.TestServer.Msg;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reasons and names in reports, exceptions and toString read as Java; Erlang's form is there when asked for. */
class JavaRenderingTest {

  @AfterEach
  void release() {
    Proc.release();
  }

  @Test
  void reasonsRenderAsJava() {
    IllegalStateException boom = new IllegalStateException("card declined: 4242");
    assertEquals("crash: java.lang.IllegalStateException: card declined: 4242", ExitReason.crash(boom).toString());
    assertEquals("shutdown: done", ExitReason.shutdown("done").toString());
    assertEquals(List.of("normal", "shutdown", "kill", "killed", "noproc", "timeout", "noconnection", "overloaded"),
        List.of(ExitReason.normal(), ExitReason.shutdown(), ExitReason.kill(), ExitReason.killed(), ExitReason.noproc(),
            ExitReason.timeout(), ExitReason.noconnection(), ExitReason.of("overloaded")).stream()
            .map(ExitReason::toString).toList());
    assertEquals("exit: crash: java.lang.IllegalStateException: card declined: 4242",
        new ExitException(ExitReason.crash(boom)).getMessage());
  }

  @Test
  void erlangFormIsThereWhenAskedFor() {
    assertEquals("{crash,java.lang.IllegalStateException: boom}",
        ExitReason.crash(new IllegalStateException("boom")).toErlangString());
    assertEquals("{shutdown,done}", ExitReason.shutdown("done").toErlangString());
    assertEquals("killed", ExitReason.killed().toErlangString());
    Registry<String, Object> registry = Registry.start(RegistrySpec.unique("render.registry"));
    try {
      assertEquals("{via,render.registry,alice}", Name.via(registry, "alice").toErlangString());
      assertEquals("counter", Name.local("counter").toErlangString());
    } finally {
      registry.stop();
    }
  }

  @Test
  void namesRenderAsJavaInExceptions() {
    Registry<String, Object> registry = Registry.start(RegistrySpec.unique("sessions.registry"));
    try {
      Name alice = Name.via(registry, "alice");
      assertEquals("via sessions.registry \"alice\"", alice.toString());
      assertEquals("via sessions.registry 7", Name.via(registry, 7).toString());
      assertEquals("via sessions.registry \"say \\\"hi\\\"\\n\"", Name.via(registry, "say \"hi\"\n").toString());
      ExitException e = assertThrows(ExitException.class,
          () -> ServerRef.of(TestServer.TYPE, alice).call("get", new Msg.Get()));
      assertEquals("no process: nothing is registered as via sessions.registry \"alice\" (" + TestServer.TYPE
          + ", get)", e.getMessage());
    } finally {
      registry.stop();
    }
  }
}
