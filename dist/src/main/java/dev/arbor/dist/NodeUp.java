package dev.arbor.dist;

/**
 * The message {@link Node#monitorNodes()} delivers when a connection to {@code node} comes up
 * (Erlang's {@code {nodeup, Node}}). Its counterpart, when the connection is lost, is {@link
 * dev.arbor.NodeDown}.
 */
public record NodeUp(String node) {}
