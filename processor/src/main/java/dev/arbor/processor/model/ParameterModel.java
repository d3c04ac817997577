package dev.arbor.processor.model;

import java.util.Optional;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One parameter of a handler or constructor.
 *
 * @param erasure the erased type as a qualified name ({@code java.lang.Object} for a type variable
 *     without bounds), to tell whether two generated methods would clash
 * @param erasedType the erased type itself, for javadoc links to the handler
 * @param replyValue the {@code T} of a {@link ReplyUse#TYPED} Reply parameter
 * @param exitReason whether the type is exactly {@code dev.arbor.ExitReason}
 */
public record ParameterModel(
    VariableElement element,
    String name,
    TypeMirror type,
    String erasure,
    TypeMirror erasedType,
    ReplyUse reply,
    Optional<TypeMirror> replyValue,
    boolean exitReason) {

  public boolean isReply() {
    return reply != ReplyUse.NONE;
  }
}
