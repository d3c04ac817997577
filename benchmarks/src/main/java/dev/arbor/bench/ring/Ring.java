package dev.arbor.bench.ring;

/** One system's ring of processes. */
interface Ring {
  /** Builds a ring of {@code size} processes. */
  void build(int size) throws Exception;

  /** Sends a token that makes {@code hops} hops around the ring, and waits for its last hop. */
  void lap(int hops) throws Exception;

  static Ring of(String system) {
    return switch (system) {
      case "arbor" -> new ArborRing();
      case "pekko" -> new PekkoRing();
      case "vt" -> new VtRing();
      default -> throw new IllegalArgumentException("unknown system: " + system + " (arbor, pekko or vt)");
    };
  }
}
