/**
 * Elixir's Registry: a local key-value store of processes. {@link dev.arbor.registry.Registry} starts
 * a registry (a process, so it can sit in a supervision tree) and is the handle to a running one;
 * {@link dev.arbor.registry.RegistrySpec} says whether its keys are unique or duplicate and how many
 * partitions it has. A process registers itself under keys; its entries vanish when it exits, before
 * its {@code Down} and exit signals go out. Reads and writes go straight to concurrent tables and
 * never pass through the registry's process. A unique registry also serves {@link
 * dev.arbor.Name#via(dev.arbor.NameRegistry, Object)} names.
 */
package dev.arbor.registry;
