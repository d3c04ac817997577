package dev.arbor.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface that describes a {@code gen_server} on another node (an Erlang or Elixir one,
 * or a {@code @GenServer(remote = true)} Arbor server): the processor generates {@code
 * <Name>Client}, which implements it by speaking {@code gen_server}'s protocol through {@code
 * arbor-dist}.
 *
 * <p>Every abstract method is a request: a {@link Call @Call} is {@code GenServer.call}, whose
 * reply the method returns; a {@link Cast @Cast} (returning {@code void}) is {@code
 * GenServer.cast}. Requests are written as for {@code @GenServer(remote = true)}: {@code
 * price(String sku)} is {@code {:price, "sku"}}, a method without parameters the bare atom, and
 * {@code atom = "..."} names another atom. Every parameter and reply type needs a term form (the
 * README's Distribution table). Default and static methods are left alone.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RemoteServer {
  /** How long a call waits for its reply unless the client's {@code withTimeout} says otherwise. */
  long defaultCallTimeoutMillis() default 5_000;
}
