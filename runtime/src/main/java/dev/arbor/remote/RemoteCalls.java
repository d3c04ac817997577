package dev.arbor.remote;

import dev.arbor.mapping.ServerTerms;
import java.time.Duration;

/**
 * Calls and casts from local processes to {@code gen_server}s on other nodes, BEAM ones or Arbor
 * ones: implemented by {@code arbor-dist} (which knows the term model and {@code gen_server}'s
 * protocol) and handed out by {@link Distribution#calls()}. Generated clients reach it through
 * {@code ServerRef} when their server is on another node. A request is written with the same
 * mapping a server reads it with ({@link ServerTerms}): the atom, or a tuple of the atom and the
 * arguments.
 */
public interface RemoteCalls {
  /**
   * {@code gen_server:call(server, request, timeout)} from the calling process: monitors the server,
   * sends {@code {'$gen_call', {Self, [alias|Ref]}, Request}} and waits for the reply, which is
   * decoded with {@code request.reply()}. A reply that comes after the timeout is dropped, as OTP 24+
   * drops it through the alias.
   *
   * @param server a {@link dev.arbor.Pid} on another node, or a {@link dev.arbor.Name.Remote}
   * @param describe how errors name the server, such as {@code Counter {counter,b@127.0.0.1}}
   * @throws dev.arbor.ExitException with the server's exit reason if it exits before replying,
   *     {@code noproc} if it does not exist, {@code noconnection} if its node cannot be reached or
   *     goes away
   * @throws dev.arbor.server.CallTimeoutException if no reply comes within {@code timeout}
   * @throws RemoteReplyException if the reply does not fit the reply type (an error term, say)
   *     and is not the error term of one of {@code request.failures()}, which is thrown rebuilt
   */
  Object call(Object server, ServerTerms.Request request, Object[] arguments, Duration timeout,
      String describe);

  /**
   * {@code gen_server:cast(server, request)}: sends {@code {'$gen_cast', Request}} and returns at
   * once; dropped if the server or its node is gone, as in OTP.
   *
   * @param server a {@link dev.arbor.Pid} on another node, or a {@link dev.arbor.Name.Remote}
   */
  void cast(Object server, ServerTerms.Request request, Object[] arguments);
}
