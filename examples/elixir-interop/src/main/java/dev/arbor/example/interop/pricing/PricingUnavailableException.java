package dev.arbor.example.interop.pricing;

/** The Elixir pricing service cannot be reached now; the pricing link is waiting for it. */
public final class PricingUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public PricingUnavailableException(String message) {
    super(message);
  }
}
