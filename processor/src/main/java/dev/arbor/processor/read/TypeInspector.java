package dev.arbor.processor.read;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.UnionType;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The questions the reader asks about types, answered with javac's own {@link Types}. */
final class TypeInspector {
  private final Elements elements;
  private final Types types;

  TypeInspector(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Whether {@code thrown} is {@code InterruptedException} or one of its subclasses. */
  boolean isInterruptedException(TypeMirror thrown) {
    var interrupted = elements.getTypeElement("java.lang.InterruptedException");
    return interrupted != null && types.isSubtype(thrown, interrupted.asType());
  }

  /**
   * Calls {@code action} for every declared type that {@code type} mentions: itself, its enclosing
   * types, type arguments, array components, wildcard and type-variable bounds. Error types (names
   * javac could not resolve) are declared types too.
   */
  void forEachDeclared(TypeMirror type, Consumer<DeclaredType> action) {
    walk(type, action, new HashSet<>());
  }

  private void walk(TypeMirror type, Consumer<DeclaredType> action, Set<Element> seenVariables) {
    if (type == null) {
      return;
    }
    switch (type.getKind()) {
      case DECLARED, ERROR -> {
        DeclaredType declared = (DeclaredType) type;
        action.accept(declared);
        walk(declared.getEnclosingType(), action, seenVariables);
        declared.getTypeArguments().forEach(t -> walk(t, action, seenVariables));
      }
      case ARRAY -> walk(((ArrayType) type).getComponentType(), action, seenVariables);
      case WILDCARD -> {
        walk(((WildcardType) type).getExtendsBound(), action, seenVariables);
        walk(((WildcardType) type).getSuperBound(), action, seenVariables);
      }
      case TYPEVAR -> {
        // F-bounded variables (T extends Comparable<T>) mention themselves: visit each once.
        TypeVariable variable = (TypeVariable) type;
        if (seenVariables.add(variable.asElement())) {
          walk(variable.getUpperBound(), action, seenVariables);
          walk(variable.getLowerBound(), action, seenVariables);
        }
      }
      case INTERSECTION -> ((IntersectionType) type).getBounds().forEach(t -> walk(t, action, seenVariables));
      case UNION -> ((UnionType) type).getAlternatives().forEach(t -> walk(t, action, seenVariables));
      default -> {}
    }
  }

  /** Names of the types in {@code type} that javac could not resolve. */
  void collectUnresolved(TypeMirror type, Set<String> into) {
    forEachDeclared(type, d -> {
      if (d.getKind() == TypeKind.ERROR) {
        into.add(d.toString());
      }
    });
  }

  /** Names of the types in {@code type} that code in package {@code fromPackage} cannot name. */
  void collectInaccessible(TypeMirror type, String fromPackage, Set<String> into) {
    forEachDeclared(type, d -> {
      if (d.getKind() == TypeKind.DECLARED && d.asElement() instanceof TypeElement element
          && !accessibleFrom(element, fromPackage)) {
        into.add(element.getQualifiedName().toString());
      }
    });
  }

  /**
   * Whether a top-level class in {@code fromPackage} (the generated client) can name {@code type}:
   * neither it nor an enclosing type is private, and any that is not public lives in that package.
   */
  boolean accessibleFrom(TypeElement type, String fromPackage) {
    boolean samePackage = elements.getPackageOf(type).getQualifiedName().contentEquals(fromPackage);
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      Set<Modifier> modifiers = e.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)) {
        return false;
      }
      if (!modifiers.contains(Modifier.PUBLIC) && !samePackage) {
        return false;
      }
    }
    return true;
  }

  TypeMirror erasure(TypeMirror type) {
    return types.erasure(type);
  }

  /** The type's erasure as a qualified name: {@code java.util.List}, {@code int[]}. */
  String erasureName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    return switch (erased.getKind()) {
      case DECLARED, ERROR -> ((TypeElement) ((DeclaredType) erased).asElement()).getQualifiedName().toString();
      case ARRAY -> erasureName(((ArrayType) erased).getComponentType()) + "[]";
      default -> erased.getKind().isPrimitive()
          ? erased.getKind().name().toLowerCase(java.util.Locale.ROOT)
          : erased.toString();
    };
  }

  /** Whether {@code instanceof} can test the type (JLS 4.7). */
  boolean isReifiable(TypeMirror type) {
    return switch (type.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> true;
      case ARRAY -> isReifiable(((ArrayType) type).getComponentType());
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        boolean argumentsOk = declared.getTypeArguments().stream().allMatch(TypeInspector::isUnboundedWildcard);
        TypeMirror enclosing = declared.getEnclosingType();
        yield argumentsOk && (enclosing.getKind() == TypeKind.NONE || isReifiable(enclosing));
      }
      default -> false;
    };
  }

  private static boolean isUnboundedWildcard(TypeMirror t) {
    return t instanceof WildcardType w && w.getExtendsBound() == null && w.getSuperBound() == null;
  }

  /**
   * The type a generated {@code instanceof} tests for a parameter of type {@code type}: boxed if
   * primitive, with {@code ?} for each missing argument of a raw type (so no rawtypes warning).
   */
  TypeMirror matchType(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return types.boxedClass((PrimitiveType) type).asType();
    }
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      return component.getKind().isPrimitive() ? type : types.getArrayType(matchType(component));
    }
    if (type instanceof DeclaredType declared && declared.getTypeArguments().isEmpty()
        && declared.asElement() instanceof TypeElement element && !element.getTypeParameters().isEmpty()) {
      TypeMirror[] wildcards = element.getTypeParameters().stream()
          .map(p -> types.getWildcardType(null, null))
          .toArray(TypeMirror[]::new);
      try {
        return types.getDeclaredType(element, wildcards);
      } catch (IllegalArgumentException innerOfGeneric) {
        return type; // a raw inner class of a generic class: rare enough to leave raw
      }
    }
    return type;
  }

  /** Whether {@code a} is a strict subtype of {@code b}, compared by erasure as instanceof does. */
  boolean isStrictSubtype(TypeMirror a, TypeMirror b) {
    TypeMirror ea = types.erasure(a);
    TypeMirror eb = types.erasure(b);
    return types.isSubtype(ea, eb) && !types.isSameType(ea, eb);
  }

  /** Whether {@code type} is the class or interface named {@code qualifiedName}, with any arguments. */
  static boolean isNamed(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement() instanceof TypeElement e
        && e.getQualifiedName().contentEquals(qualifiedName);
  }

  /** The simple names a source file must be able to resolve to name {@code type}. */
  void collectSimpleNames(TypeMirror type, Set<String> into) {
    forEachDeclared(type, d -> {
      for (Element e = d.asElement(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
        into.add(t.getSimpleName().toString());
      }
    });
  }

  /** The type elements {@code type} mentions, to ask whether any is deprecated. */
  void collectTypeElements(TypeMirror type, Set<TypeElement> into) {
    forEachDeclared(type, d -> {
      if (d.asElement() instanceof TypeElement e) {
        into.add(e);
      }
    });
  }
}
