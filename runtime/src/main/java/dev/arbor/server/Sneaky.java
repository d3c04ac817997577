package dev.arbor.server;

/**
 * Rethrows a checked exception without declaring it. Used only where the generated client method
 * that receives it declares the exception itself, so Java's checking still holds for the user.
 */
final class Sneaky {
  private Sneaky() {}

  @SuppressWarnings("unchecked")
  static <E extends Throwable> E rethrow(Throwable t) throws E {
    throw (E) t;
  }
}
