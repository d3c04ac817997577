package dev.arbor;

import dev.arbor.internal.Process;
import dev.arbor.internal.Secrets;

/** Opens {@link Pid} and {@link Ref} to {@code dev.arbor.internal}; see {@link Secrets}. */
final class Internals implements Secrets.Access {
  @Override
  public Pid newPid(long id, Process process) {
    return new Pid(id, process);
  }

  @Override
  public Process process(Pid pid) {
    return pid.process();
  }

  @Override
  public Ref newRef(Object handle) {
    return new Ref(handle);
  }

  @Override
  public Object handle(Ref ref) {
    return ref.handle();
  }
}
