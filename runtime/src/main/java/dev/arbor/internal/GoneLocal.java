package dev.arbor.internal;

/**
 * What a local pid rebuilt from the wire points at when its process no longer runs: nothing answers,
 * as for any dead pid, and the pid still equals the original one.
 */
enum GoneLocal implements LocalEndpoint {
  INSTANCE;

  @Override
  public void send(Object message) {
    Process.currentIfAny(); // as for any send: a zombie's send throws; otherwise dropped
  }

  @Override
  public boolean isAlive() {
    return false;
  }
}
