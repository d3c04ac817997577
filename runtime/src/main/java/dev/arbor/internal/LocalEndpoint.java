package dev.arbor.internal;

/** An endpoint of this node: a {@link Process}, or {@link GoneLocal} for one that is gone. */
interface LocalEndpoint extends Endpoint {
  @Override
  default boolean isLocal() {
    return true;
  }

  @Override
  default String node() {
    return NodeIdentity.name();
  }

  @Override
  default int creation() {
    return NodeIdentity.creation();
  }

  @Override
  default int channel() {
    return 0;
  }
}
