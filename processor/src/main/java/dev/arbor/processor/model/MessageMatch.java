package dev.arbor.processor.model;

import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * How an {@code @Info} or {@code @Continue} handler is matched against a message at run time.
 *
 * @param type the type tested with {@code instanceof}: the parameter type, boxed if primitive, with
 *     {@code ?} for each type argument of a raw type
 * @param key the erased, boxed type's name; two handlers of one kind with the same key take the
 *     same messages
 * @param reifiable whether {@code instanceof} can test the parameter type at all
 * @param moreSpecific the {@code type}s of sibling handlers of the same kind that are strict
 *     subtypes of this one: a message matching any of them goes to the more specific handler
 */
public record MessageMatch(TypeMirror type, String key, boolean reifiable, List<TypeMirror> moreSpecific) {
  public MessageMatch {
    moreSpecific = List.copyOf(moreSpecific);
  }

  public MessageMatch withMoreSpecific(List<TypeMirror> types) {
    return new MessageMatch(type, key, reifiable, types);
  }
}
