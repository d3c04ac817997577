package dev.arbor.processor.model;

/** What kind of type carries {@code @GenServer}; only classes and records can be servers. */
public enum ServerKind {
  CLASS("a class"),
  RECORD("a record"),
  INTERFACE("an interface"),
  /** Kept apart from {@link #INTERFACE}: a generated client cannot implement a sealed interface. */
  SEALED_INTERFACE("a sealed interface"),
  ENUM("an enum"),
  ANNOTATION("an annotation interface");

  private final String description;

  ServerKind(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  public boolean canBeServer() {
    return this == CLASS || this == RECORD;
  }
}
