/**
 * Erlang's {@code gen_server} protocol for local {@code @GenServer(remote = true)} servers: a
 * {@code {'$gen_call', {Pid, Tag}, Request}} or {@code {'$gen_cast', Request}} from another node
 * becomes the server's own message through its generated {@link dev.arbor.mapping.ServerTerms}, and
 * the reply goes back as {@code {Tag, Reply}} to the caller's alias or pid, as {@code gen:reply/2}
 * sends it. Requests that fit no handler get an error reply and a log line; the server never sees
 * them.
 */
package dev.arbor.dist.genserver;
