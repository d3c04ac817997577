package dev.arbor.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * The {@code @GenServer} attributes, resolved, with the written values kept for error positions.
 *
 * @param clientName the generated client's simple name, defaulted when not written
 * @param clientNameValue the written {@code clientName}, if any
 * @param remote whether Erlang nodes can call it: {@code @GenServer(remote = true)}
 */
public record ClientOptions(
    String clientName,
    Optional<AnnotationValue> clientNameValue,
    long defaultCallTimeoutMillis,
    Optional<AnnotationValue> defaultCallTimeoutValue,
    boolean trapExits,
    boolean remote) {

  /** The client's name when {@code clientName} is left out: {@code Outer_InnerClient} for {@code Outer.Inner}. */
  public static String defaultClientName(List<String> simpleNames) {
    return String.join("_", simpleNames) + "Client";
  }
}
