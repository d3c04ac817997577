package dev.arbor.processor.model;

/** The handler annotations, each with the name the processor looks it up by. */
public enum HandlerKind {
  CALL("Call"),
  CAST("Cast"),
  INFO("Info"),
  INIT("Init"),
  CONTINUE("Continue"),
  TERMINATE("Terminate");

  private final String simpleName;

  HandlerKind(String simpleName) {
    this.simpleName = simpleName;
  }

  /** The annotation's qualified name, e.g. {@code dev.arbor.annotation.Call}. */
  public String annotationName() {
    return "dev.arbor.annotation." + simpleName;
  }

  /** How messages name the annotation, e.g. {@code @Call}. */
  public String display() {
    return "@" + simpleName;
  }

  /** Whether the client gets a method for this kind of handler. */
  public boolean isRequest() {
    return this == CALL || this == CAST;
  }

  /** Whether the runtime picks the handler by the type of its one parameter. */
  public boolean matchesByType() {
    return this == INFO || this == CONTINUE;
  }
}
