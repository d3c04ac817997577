/**
 * Erlang's {@code pg} (OTP 23+): process groups across the cluster. A scope is a process
 * registered under the scope's name (by default {@code pg}) on every node that takes part; the
 * scopes of one name find each other when nodes connect and keep each other told of every join
 * and leave, so {@code :pg.get_members/2} on an Elixir node lists Arbor processes, and {@link
 * dev.arbor.dist.pg.ProcessGroups#members} lists BEAM ones. Start a scope with {@link
 * dev.arbor.dist.pg.ProcessGroups#start(dev.arbor.dist.Node)}.
 */
package dev.arbor.dist.pg;
