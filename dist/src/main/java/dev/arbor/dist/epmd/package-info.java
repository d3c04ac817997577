/**
 * A client of epmd, the Erlang port mapper daemon: a node registers its name and listen port
 * ({@code ALIVE2_REQ}, the connection kept open for as long as the node lives) and finds the port
 * of a peer ({@code PORT_PLEASE2_REQ}). Arbor talks to the real epmd that ships with Erlang/OTP.
 */
package dev.arbor.dist.epmd;
