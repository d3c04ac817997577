package dev.arbor.processor.read;

import dev.arbor.processor.model.RemoteModel;
import dev.arbor.processor.model.TermShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads a handler's Java type as the Erlang term it maps to (the README's table): scalars, the
 * collections with their element types, {@code Optional}, enums, records (component by component)
 * and the term model's own types. Anything else is {@link TermShape.Unmappable}, saying why.
 */
final class TermShapeReader {
  private static final Map<String, String> FIXED = Map.ofEntries(
      Map.entry("int", "INT"), Map.entry("java.lang.Integer", "INT"),
      Map.entry("long", "LONG"), Map.entry("java.lang.Long", "LONG"),
      Map.entry("java.math.BigInteger", "BIG_INTEGER"),
      Map.entry("double", "DOUBLE"), Map.entry("java.lang.Double", "DOUBLE"),
      Map.entry("boolean", "BOOLEAN"), Map.entry("java.lang.Boolean", "BOOLEAN"),
      Map.entry("java.lang.String", "STRING"),
      Map.entry("dev.arbor.Pid", "PID"));

  private static final Map<String, String> CONTAINERS = Map.of(
      "java.util.List", "listOf", "java.util.Set", "setOf", "java.util.Map", "mapOf",
      "java.util.Optional", "optionalOf");

  /** The term model's package: its types travel as they are. */
  private static final String TERM_PACKAGE = "dev.arbor.dist.term.";

  private static final Map<String, String> NARROW = Map.of(
      "byte", "int", "short", "int", "char", "String", "float", "double",
      "java.lang.Byte", "Integer", "java.lang.Short", "Integer", "java.lang.Character", "String",
      "java.lang.Float", "Double");

  TermShape read(TypeMirror type) {
    return read(type, new HashSet<>());
  }

  private TermShape read(TypeMirror type, Set<String> enclosingRecords) {
    String name = type.getKind().isPrimitive() ? type.toString() : qualifiedName(type);
    if (FIXED.containsKey(name)) {
      return new TermShape.Fixed(FIXED.get(name));
    }
    if (NARROW.containsKey(name)) {
      return new TermShape.Unmappable(type.toString(), "Erlang has no such narrow type; use "
          + NARROW.get(name) + " instead");
    }
    if (type instanceof ArrayType array) {
      return array.getComponentType().getKind() == TypeKind.BYTE
          ? new TermShape.Fixed("BYTES")
          : new TermShape.Unmappable(type.toString(), "arrays other than byte[] have no term form; use a List");
    }
    if (!(type instanceof DeclaredType declared) || type.getKind() != TypeKind.DECLARED) {
      return new TermShape.Unmappable(type.toString(), type.getKind() == TypeKind.TYPEVAR
          ? "a type variable has no fixed term form; use a concrete type"
          : "it has no term form");
    }
    if (name.equals("java.lang.Object") || name.startsWith(TERM_PACKAGE) || name.equals("dev.arbor.Ref")) {
      return new TermShape.TermModel(type);
    }
    if (CONTAINERS.containsKey(name)) {
      return container(CONTAINERS.get(name), declared, enclosingRecords);
    }
    TypeElement element = (TypeElement) declared.asElement();
    if (element.getKind() == ElementKind.ENUM) {
      return new TermShape.EnumShape(type);
    }
    if (element.getKind() == ElementKind.RECORD) {
      return record(declared, element, enclosingRecords);
    }
    return new TermShape.Unmappable(type.toString(), "it has no term form; use a record, an enum, a type of the"
        + " README's table, or a dev.arbor.dist.term type");
  }

  private TermShape container(String factory, DeclaredType type, Set<String> enclosingRecords) {
    if (type.getTypeArguments().isEmpty()) {
      return new TermShape.Unmappable(type.toString(), "a raw type has no element type to map; add its type arguments");
    }
    List<TermShape> elements = new ArrayList<>();
    for (TypeMirror argument : type.getTypeArguments()) {
      if (argument.getKind() == TypeKind.WILDCARD) {
        return new TermShape.Unmappable(type.toString(), "a wildcard has no fixed term form; name the element type");
      }
      elements.add(read(argument, enclosingRecords));
    }
    return new TermShape.Container(factory, elements);
  }

  private TermShape record(DeclaredType type, TypeElement element, Set<String> enclosingRecords) {
    String name = element.getQualifiedName().toString();
    if (!element.getTypeParameters().isEmpty()) {
      return new TermShape.Unmappable(type.toString(), "a generic record has no fixed term form; use a concrete record");
    }
    if (!enclosingRecords.add(name)) {
      return new TermShape.Unmappable(type.toString(), "a record that contains itself has no finite term form");
    }
    List<TermShape.Component> components = new ArrayList<>();
    for (RecordComponentElement c : element.getRecordComponents()) {
      String component = c.getSimpleName().toString();
      components.add(new TermShape.Component(component, RemoteModel.snakeCase(component),
          read(c.asType(), enclosingRecords)));
    }
    enclosingRecords.remove(name);
    return new TermShape.RecordShape(type, components);
  }

  private static String qualifiedName(TypeMirror type) {
    if (type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element) {
      return element.getQualifiedName().toString();
    }
    return type.toString();
  }
}
