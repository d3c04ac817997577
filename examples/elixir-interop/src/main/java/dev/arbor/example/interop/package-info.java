/**
 * An Elixir node and an Arbor order desk calling each other on one machine. {@link
 * dev.arbor.example.interop.Desk} is the Arbor application (its supervision tree); {@link
 * dev.arbor.example.interop.Demo} plays the example end to end: it starts the desk and the Elixir
 * script {@code shop.exs}, kills the Elixir node and starts it again, and prints what each side did.
 */
package dev.arbor.example.interop;
