/**
 * OTP's application, for a Java {@code main}: {@link dev.arbor.application.Application#run} starts a
 * supervision tree, blocks, and ends the JVM when the tree ends, with status 0 after a clean stop and
 * non-zero when the tree gave up, as a permanent application's death stops an Erlang node.
 */
package dev.arbor.application;
