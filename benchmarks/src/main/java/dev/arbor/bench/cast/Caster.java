package dev.arbor.bench.cast;

/** One system's cast batch: producers of its own cast into one server, then one call reads the count. */
interface Caster extends AutoCloseable {
  /**
   * Starts {@code producers} producers that together cast {@code casts} times into the server, waits
   * until they have sent everything, then calls the server for its count and returns it. The call
   * queues behind every cast, so its answer proves they were all handled.
   */
  long batch(int producers, int casts);

  @Override
  void close();

  static Caster of(String system) {
    return switch (system) {
      case "arbor" -> new ArborCaster();
      case "pekko" -> new PekkoCaster();
      case "vt" -> new VtCaster();
      default -> throw new IllegalArgumentException("unknown system: " + system + " (arbor, pekko or vt)");
    };
  }
}
