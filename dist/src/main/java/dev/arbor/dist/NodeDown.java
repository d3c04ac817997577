package dev.arbor.dist;

/**
 * What {@link Node#monitorNode} delivers when the connection to {@code node} is lost or cannot be
 * made (Erlang's {@code {nodedown, Node}}).
 *
 * @param node the node's name
 */
public record NodeDown(String node) {}
