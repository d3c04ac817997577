package dev.arbor.server;

/** Creates a server's state object: generated code passes a call to one of its constructors. */
@FunctionalInterface
public interface ServerFactory<S> {
  S create() throws Throwable;
}
