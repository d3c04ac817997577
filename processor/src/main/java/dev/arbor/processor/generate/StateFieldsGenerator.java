package dev.arbor.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.arbor.processor.model.StateField;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * The {@code .stateFields(...)} line of a client's {@code ServerType}: the server's fields for its
 * state description in reports, each with its erased type so the runtime can read it through a
 * {@code VarHandle}, or {@code redacted(name)} for a {@code @Redacted} one, which is never read.
 * A field whose type does not exist yet in this round gets {@code field(name)}: the runtime reads
 * its type from the class, since the client could not be sure to name it (javac's stand-in for the
 * missing type has no package, so an imported one would lose its import).
 */
final class StateFieldsGenerator {
  private StateFieldsGenerator() {}

  static CodeBlock generate(ClassName serverClass, List<StateField> fields) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add(".stateFields($T.of($T.lookup(), $T.class)", RuntimeTypes.STATE_FIELDS, RuntimeTypes.METHOD_HANDLES,
            serverClass);
    code.add("$>$>");
    for (StateField field : fields) {
      if (field.redacted()) {
        code.add("\n.redacted($S)", field.name());
      } else if (unresolved(field.type())) {
        code.add("\n.field($S)", field.name());
      } else if (nameable(field.type())) {
        code.add("\n.field($S, $T.class)", field.name(), erasure(field.type()));
      } else {
        code.add("\n.field($S, $S)", field.name(), forName(field.type()));
      }
    }
    return code.add(")$<$<\n").build();
  }

  /** As the class file has it: a type variable stands for its first bound, a generic type for its raw type. */
  private static TypeName erasure(TypeMirror type) {
    return switch (type.getKind()) {
      case TYPEVAR -> erasure(((TypeVariable) type).getUpperBound());
      case INTERSECTION -> erasure(((IntersectionType) type).getBounds().get(0));
      case DECLARED -> ClassName.get((TypeElement) ((DeclaredType) type).asElement());
      case ARRAY -> ArrayTypeName.of(erasure(((ArrayType) type).getComponentType()));
      default -> type.getKind().isPrimitive() ? TypeName.get(type) : ClassName.OBJECT;
    };
  }

  /** What an erased type comes down to after arrays and type variables: a class, a primitive or an error type. */
  private static TypeMirror innermost(TypeMirror type) {
    return switch (type.getKind()) {
      case TYPEVAR -> innermost(((TypeVariable) type).getUpperBound());
      case INTERSECTION -> innermost(((IntersectionType) type).getBounds().get(0));
      case ARRAY -> innermost(((ArrayType) type).getComponentType());
      default -> type;
    };
  }

  /** Whether the erased type, after arrays and type variables, does not exist yet (an error type). */
  private static boolean unresolved(TypeMirror type) {
    return innermost(type).getKind() == TypeKind.ERROR;
  }

  /** The class an erased type names, after arrays and type variables; null for a primitive. */
  private static TypeElement element(TypeMirror type) {
    // An error type is a DeclaredType too: its element is javac's stand-in for the missing class.
    return innermost(type) instanceof DeclaredType declared ? (TypeElement) declared.asElement() : null;
  }

  /** Whether the client, in the server's package, can write the type as a class literal. */
  private static boolean nameable(TypeMirror type) {
    for (Element e = element(type); e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
    }
    return true;
  }

  /** {@code Class.forName}'s spelling: {@code pkg.Outer$Inner}, arrays as {@code [Lpkg.Outer$Inner;}. */
  private static String forName(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      String inner = forName(component);
      return "[" + (component.getKind() == TypeKind.ARRAY ? inner : "L" + inner + ";");
    }
    TypeElement element = element(type);
    StringBuilder name = new StringBuilder(element.getSimpleName());
    Element e = element.getEnclosingElement();
    for (; e instanceof TypeElement outer; e = e.getEnclosingElement()) {
      name.insert(0, outer.getSimpleName() + "$");
    }
    String pkg = e instanceof PackageElement p ? p.getQualifiedName().toString() : "";
    return pkg.isEmpty() ? name.toString() : pkg + "." + name;
  }
}
