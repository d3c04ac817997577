/**
 * The GenServer runtime: the loop that runs a {@code @GenServer} class, what generated clients call
 * ({@link dev.arbor.server.ServerRef}, {@link dev.arbor.server.ServerType}, {@link
 * dev.arbor.server.Dispatcher}), and what handlers call ({@link dev.arbor.server.Server}, {@link
 * dev.arbor.server.Reply}).
 */
package dev.arbor.server;
