package dev.arbor.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * What one Java type of a remote server's handler looks like as an Erlang term, as read from
 * source: the generated code turns each shape into the runtime's {@code dev.arbor.mapping.TermType}.
 */
public sealed interface TermShape {

  /** A fixed type, named by its {@code TermType} constant: {@code INT}, {@code STRING}, ... */
  record Fixed(String constant) implements TermShape {}

  /**
   * A collection or an {@code Optional}, named by its {@code TermType} factory.
   *
   * @param factory {@code listOf}, {@code setOf}, {@code mapOf} or {@code optionalOf}
   */
  record Container(String factory, List<TermShape> elements) implements TermShape {
    public Container {
      elements = List.copyOf(elements);
    }
  }

  /** An enum: its constants become atoms. */
  record EnumShape(TypeMirror type) implements TermShape {}

  /** A record: a map with one atom key per component. */
  record RecordShape(TypeMirror type, List<Component> components) implements TermShape {
    public RecordShape {
      components = List.copyOf(components);
    }
  }

  /**
   * One record component.
   *
   * @param accessor the component's name, which is its accessor's
   * @param key the atom key, its name in {@code snake_case}
   */
  record Component(String accessor, String key, TermShape shape) {}

  /** A type of the term model ({@code dev.arbor.dist.term.*}), or {@code Object} for any term. */
  record TermModel(TypeMirror type) implements TermShape {}

  /**
   * A type with no term form.
   *
   * @param found the type (or the part of it) that has none
   * @param why what to do about it
   */
  record Unmappable(String found, String why) implements TermShape {}

  /** The first part of this shape that has no term form, if any. */
  default Optional<Unmappable> unmappable() {
    return switch (this) {
      case Unmappable u -> Optional.of(u);
      case Container c -> c.elements().stream().flatMap(e -> e.unmappable().stream()).findFirst();
      case RecordShape r -> r.components().stream().flatMap(c -> c.shape().unmappable().stream()).findFirst();
      default -> Optional.empty();
    };
  }
}
