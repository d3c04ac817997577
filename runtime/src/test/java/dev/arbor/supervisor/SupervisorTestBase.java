package dev.arbor.supervisor;

import dev.arbor.Adopted;
import dev.arbor.Arbor;
import dev.arbor.Pid;
import dev.arbor.Proc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Gives each test thread a process identity for one test, and stops every top-level supervisor the
 * test left running (newest first, as the shutdown hook would) before releasing it.
 */
abstract class SupervisorTestBase {
  private Adopted identity;
  Pid me;

  @BeforeEach
  void adoptThread() {
    identity = Proc.adopt();
    me = identity.pid();
  }

  @AfterEach
  void stopTreesAndReleaseThread() {
    try {
      Arbor.shutdown();
    } finally {
      identity.close();
    }
  }
}
