package dev.arbor.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a top-level or static nested, non-abstract class as a GenServer. The processor generates a
 * client next to it: {@code <Name>Client} for a top-level class, {@code <Outer>_<Name>Client} for a
 * nested one, or {@link #clientName()}.
 *
 * <p>The constructor arguments are the start arguments; {@link Call @Call}, {@link Cast @Cast} and
 * {@link Info @Info} methods handle the messages, one at a time, in the server's own process.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GenServer {
  /** The simple name of the generated client; empty for the default. */
  String clientName() default "";

  /** How long a call waits for its reply unless the caller says otherwise. */
  long defaultCallTimeoutMillis() default 5_000;

  /**
   * Whether the server traps exits from the start, so that its parent's {@code shutdown} runs
   * {@link Terminate @Terminate} and exit signals from other linked processes reach {@link Info @Info}.
   */
  boolean trapExits() default false;

  /**
   * Whether Erlang and Elixir nodes (and Arbor nodes, through {@code arbor-dist}) can call the
   * server with {@code gen_server}'s protocol. The processor then also maps each handler to Erlang
   * terms: {@code incrementBy(int)} takes {@code {:increment_by, 5}}, a handler without arguments the
   * bare atom, and a plain message reaches the {@link Info @Info} handler whose parameter type it
   * fits. Every parameter and reply type must then have a term form (a compile error says which does
   * not), and {@code arbor-dist} must be on the class path. See the README's Distribution section.
   */
  boolean remote() default false;
}
