package dev.arbor.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An asynchronous request with no reply (OTP's {@code handle_cast}); the method returns {@code void}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Cast {
  /**
   * In a {@code @GenServer(remote = true)} class or a {@code @RemoteServer} interface: the atom
   * that names this request in Erlang and Elixir; empty for the method's name in {@code
   * snake_case}. Set in any other server, it is a compile error ({@code [ArborAtomNotRemote]}),
   * since it would have no effect.
   */
  String atom() default "";
}
