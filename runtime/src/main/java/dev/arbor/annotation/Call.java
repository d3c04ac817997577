package dev.arbor.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A synchronous request (OTP's {@code handle_call}). The return value is the reply; a {@code void}
 * method replies when it returns. Declared checked exceptions travel back to the caller and are
 * rethrown there; any other throwable crashes the server.
 *
 * <p>A method may instead take a last parameter {@code Reply<T>} and return {@code void}: the client
 * method then returns {@code T}, and the server answers later through the {@code Reply}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Call {
  /**
   * In a {@code @GenServer(remote = true)} class or a {@code @RemoteServer} interface: the atom
   * that names this request in Erlang and Elixir; empty for the method's name in {@code snake_case}
   * ({@code incrementBy} is {@code increment_by}). Set in any other server, it is a compile error
   * ({@code [ArborAtomNotRemote]}), since it would have no effect.
   */
  String atom() default "";
}
