package dev.arbor.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Keeps generated varargs methods free of warnings. A method whose varargs element type is not
 * reifiable ({@code T...}, {@code List<String>...}) warns at its declaration unless it is
 * {@code @SafeVarargs}; and a {@code @SafeVarargs} method that hands its array on (here: copies it
 * into a message) warns under {@code -Xlint:varargs}. The generated methods only copy the array,
 * which is safe, so those warnings are suppressed: {@code @SafeVarargs} is carried over where the
 * handler has it, as the contract asks.
 */
final class Varargs {
  private Varargs() {}

  /** Adds {@code @SafeVarargs} where due, and to {@code suppressed} the warnings to silence. */
  static void annotate(MethodSpec.Builder method, boolean varargs, boolean safeVarargs, TypeName lastParameter,
      boolean isStatic, List<String> suppressed) {
    if (!varargs || !(lastParameter instanceof ArrayTypeName array) || isReifiable(array.componentType())) {
      return;
    }
    if (safeVarargs) {
      method.addAnnotation(RuntimeTypes.SAFE_VARARGS);
      suppressed.add("varargs");
      if (!isStatic) {
        method.addModifiers(Modifier.FINAL); // @SafeVarargs needs a final, static or private method
      }
    } else {
      suppressed.add("unchecked");
    }
  }

  /** One {@code @SuppressWarnings} for all of {@code warnings} (the annotation is not repeatable). */
  static void suppressAll(MethodSpec.Builder method, List<String> warnings) {
    if (!warnings.isEmpty()) {
      method.addAnnotation(suppress(warnings.toArray(String[]::new)));
    }
  }

  static AnnotationSpec suppress(String... warnings) {
    AnnotationSpec.Builder b = AnnotationSpec.builder(RuntimeTypes.SUPPRESS_WARNINGS);
    if (warnings.length == 1) {
      b.addMember("value", "$S", warnings[0]);
    } else {
      b.addMember("value", "{$L}", List.of(warnings).stream()
          .map(w -> com.palantir.javapoet.CodeBlock.of("$S", w))
          .collect(com.palantir.javapoet.CodeBlock.joining(", ")));
    }
    return b.build();
  }

  /** JLS 4.7, on JavaPoet's names: primitives, plain classes, {@code Foo<?>}, arrays of those. */
  static boolean isReifiable(TypeName type) {
    if (type.isPrimitive() || type instanceof ClassName) {
      return true;
    }
    if (type instanceof ArrayTypeName array) {
      return isReifiable(array.componentType());
    }
    if (type instanceof ParameterizedTypeName p) {
      return p.typeArguments().stream().allMatch(Varargs::isUnboundedWildcard)
          && (p.enclosingType() == null || isReifiable(p.enclosingType()));
    }
    return false;
  }

  private static boolean isUnboundedWildcard(TypeName t) {
    return t instanceof WildcardTypeName w && w.lowerBounds().isEmpty()
        && w.upperBounds().equals(List.of(TypeName.get(Object.class)));
  }
}
