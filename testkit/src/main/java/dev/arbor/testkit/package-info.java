/**
 * A JUnit 5 extension for testing code built on Arbor, after ExUnit's helpers: annotate a test class
 * with {@link dev.arbor.testkit.ArborTest} and each test runs as its own process, starts processes
 * with {@link dev.arbor.testkit.Testkit#startSupervised} that are stopped when it ends, checks its
 * mailbox with {@link dev.arbor.testkit.Testkit#assertReceive} and {@link
 * dev.arbor.testkit.Testkit#refuteReceive}, and fails if it leaves processes alive that it started.
 */
package dev.arbor.testkit;
