package dev.arbor.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * One handler of a remote server as Erlang sees it.
 *
 * @param atom the atom that names a {@code @Call} or {@code @Cast}: its {@code atom} attribute, or
 *     the method's name in {@code snake_case}; empty for an {@code @Info}
 * @param atomValue the written {@code atom} attribute, for error positions
 * @param arguments the shapes of the client parameters (an {@code @Info}'s one parameter), in order
 * @param reply the reply's shape for a {@code @Call} ({@code OK} when it returns nothing), else empty
 */
public record RemoteHandler(
    HandlerModel handler,
    String atom,
    Optional<AnnotationValue> atomValue,
    List<TermShape> arguments,
    Optional<TermShape> reply) {

  public RemoteHandler {
    arguments = List.copyOf(arguments);
  }

  /** {@code increment_by/1}: how Erlang would name the request. */
  public String display() {
    return atom + "/" + arguments.size();
  }
}
