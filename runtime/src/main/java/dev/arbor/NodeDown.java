package dev.arbor;

/**
 * The message {@link Proc#monitorNode(String)} delivers when the connection to {@code node} is lost,
 * or at once when it cannot be made (Erlang's {@code {nodedown, Node}}).
 */
public record NodeDown(String node) {}
