package dev.arbor.dist.genserver;

/** A term that does not fit the type a handler asks for; the message says where and why. */
final class Mismatch extends Exception {
  private static final long serialVersionUID = 1L;

  Mismatch(String message) {
    super(message, null, false, false); // an expected outcome: no stack trace to fill
  }

  /** The same mismatch, seen from the term that contains it: {@code where} says which part. */
  Mismatch within(String where) {
    return new Mismatch(where + ": " + getMessage());
  }
}
