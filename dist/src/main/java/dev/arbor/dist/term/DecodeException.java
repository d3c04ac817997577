package dev.arbor.dist.term;

/** Bytes that are not a well-formed term, or a term beyond the configured limits. */
public final class DecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The failure at byte {@code offset}, described by {@code message}. */
  public DecodeException(String message, int offset) {
    super(message + " (at byte " + offset + ")");
  }
}
