/**
 * How a server's messages look as Erlang terms. For a {@code @GenServer(remote = true)} class the
 * processor generates a {@link dev.arbor.mapping.ServerTerms}: for each handler, the atom that names
 * it, the {@link dev.arbor.mapping.TermType} of each argument and of the reply, and a function that
 * builds the handler's message from decoded arguments. It is data only, with no reflection and no
 * term classes: {@code arbor-dist} reads it to turn a {@code gen_server} call, cast or plain message
 * from another node into the server's own messages, and its replies back into terms.
 */
package dev.arbor.mapping;
