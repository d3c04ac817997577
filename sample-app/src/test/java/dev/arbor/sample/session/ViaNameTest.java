package dev.arbor.sample.session;

import static dev.arbor.testkit.Testkit.startSupervised;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.registry.Registry;
import dev.arbor.registry.RegistrySpec;
import dev.arbor.server.StartOptions;
import dev.arbor.testkit.ArborTest;
import org.junit.jupiter.api.Test;

/** A generated client registered with {@code Name.via(registry, key)} is found again with {@code of(Name.via(...))}. */
@ArborTest
class ViaNameTest {
  @Test
  void aClientStartedUnderAViaNameIsFoundByIt() {
    startSupervised(Registry.childSpec(RegistrySpec.unique("via-test")));
    Registry<String, Object> registry = Registry.of("via-test");
    Pid pid = startSupervised(SessionClient.childSpec(StartOptions.named(Name.via(registry, "erin")), "erin"));

    SessionClient found = SessionClient.of(Name.via(registry, "erin"));
    assertEquals(pid, found.pid());
    assertEquals("erin", found.userId());
    assertEquals(pid, registry.whereisName("erin").orElseThrow());
  }
}
