package dev.arbor;

import dev.arbor.internal.Endpoint;
import dev.arbor.internal.Secrets;

/**
 * Opens {@link Pid} and {@link Ref} to {@code dev.arbor.internal}; see {@link Secrets}. Loaded by
 * name from {@code Secrets}, so that neither {@code Pid} nor {@code Secrets} has to know the other's
 * installer.
 */
final class Internals implements Secrets.Access {
  static {
    Secrets.install(new Internals());
  }

  @Override
  public Pid newPid(long id, Endpoint target) {
    return new Pid(id, target);
  }

  @Override
  public Endpoint endpoint(Pid pid) {
    return pid.target();
  }

  @Override
  public Ref newRef(Object handle) {
    return new Ref(handle);
  }

  @Override
  public Ref ref(long id) {
    return new Ref(id, null);
  }

  @Override
  public long id(Ref ref) {
    return ref.id();
  }

  @Override
  public Object handle(Ref ref) {
    return ref.handle();
  }
}
