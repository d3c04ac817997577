package dev.arbor.registry;

import dev.arbor.internal.Process;
import dev.arbor.ProcessInfo;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerType;

/**
 * The registry's process, on the ordinary server loop so that it starts, stops and is supervised as
 * any server is. It handles no requests: its job is to own the table's lifetime. It opens the table
 * in {@code @Init} and its exit closes it.
 */
final class RegistryServer implements Dispatcher<Table, RegistryServer.NoRequest> {
  /** The registry takes no calls or casts. */
  enum NoRequest {}

  static final ServerType<Table, NoRequest> TYPE =
      ServerType.builder(Registry.class, Registry.class, new RegistryServer()).kind(ProcessInfo.Kind.REGISTRY).build();

  private RegistryServer() {}

  @Override
  public Object dispatch(Table table, NoRequest request, CallContext call) {
    throw new UnsupportedOperationException("a registry's process takes no requests; got " + request);
  }

  @Override
  public void init(Table table) {
    table.open(Process.currentOrNull());
  }
}
