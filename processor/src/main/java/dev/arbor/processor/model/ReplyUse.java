package dev.arbor.processor.model;

/** How a parameter uses {@code dev.arbor.server.Reply}. */
public enum ReplyUse {
  /** Not a Reply. */
  NONE,
  /** {@code Reply<T>} for a type {@code T}: the deferred-reply form of a {@code @Call}. */
  TYPED,
  /** A raw {@code Reply}: the client could not know what the call returns. */
  RAW,
  /** {@code Reply<?>} or a bounded wildcard: no type for the client method to return. */
  WILDCARD
}
