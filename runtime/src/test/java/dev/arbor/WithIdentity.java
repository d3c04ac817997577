package dev.arbor;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arbor.internal.Process;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives the test thread a process identity for one test and ends it afterwards, whichever identity
 * the thread holds by then (a test may have lost its first one to an exit signal). Fails a test that
 * starts with an identity left over by an earlier one.
 */
final class WithIdentity implements BeforeEachCallback, AfterEachCallback {
  @Override
  public void beforeEach(ExtensionContext context) {
    assertNull(Process.currentOrNull(), "an earlier test left its thread with a process identity");
    Proc.adopt();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Proc.release();
  }
}
