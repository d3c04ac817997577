package dev.arbor.remote;

import dev.arbor.Pid;

/**
 * Where the answer to a call from another node goes: encoded with the handler's reply type and sent
 * as {@code gen_server} expects it ({@code {Tag, Reply}} to the caller's alias or pid). Called once,
 * from the server or from whichever process answers a deferred {@code Reply}; never throws.
 */
public interface RemoteReply {
  /** The handler's result ({@code null} for a {@code void} handler). */
  void reply(Object value);

  /** A checked exception the handler declares. */
  void fail(Throwable declared);

  /** The calling process, on its own node. */
  Pid caller();
}
