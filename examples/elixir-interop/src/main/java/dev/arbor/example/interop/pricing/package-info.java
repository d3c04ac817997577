/**
 * The Elixir pricing service as the desk sees it: {@link
 * dev.arbor.example.interop.pricing.Pricing}, the interface of the Elixir GenServer, from which the
 * processor generates the typed client {@code PricingClient}; and {@link
 * dev.arbor.example.interop.pricing.PricingLink}, a local server that stands for the remote one,
 * watches it with a monitor, exits when it goes away (so its supervisor restarts it) and, once
 * restarted, waits for it to come back.
 */
package dev.arbor.example.interop.pricing;
