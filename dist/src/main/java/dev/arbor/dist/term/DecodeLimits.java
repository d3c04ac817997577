package dev.arbor.dist.term;

/**
 * What the decoder accepts before it allocates anything: the size of the encoded input, how deeply
 * terms nest, and how big an integer may be. Every length on the wire is also checked against the
 * bytes that remain, so a forged length never allocates more than the input holds.
 *
 * @param maxBytes the largest encoded term, in bytes
 * @param maxDepth how deeply tuples, lists and maps may nest
 * @param maxBigIntegerBytes the largest integer magnitude, in bytes
 */
public record DecodeLimits(int maxBytes, int maxDepth, int maxBigIntegerBytes) {
  /** 64 MiB terms, nesting 1,000 deep, integers up to 1 KiB: generous for messages. */
  public static final DecodeLimits DEFAULT = new DecodeLimits(64 << 20, 1_000, 1_024);

  /** Checks that every limit is positive. */
  public DecodeLimits {
    if (maxBytes <= 0 || maxDepth <= 0 || maxBigIntegerBytes <= 0) {
      throw new IllegalArgumentException("decode limits must be positive: " + maxBytes + ", "
          + maxDepth + ", " + maxBigIntegerBytes);
    }
  }
}
