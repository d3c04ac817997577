package dev.arbor.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.arbor.processor.model.HandlerModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The record that carries one {@code @Call} or {@code @Cast} request from client to server.
 *
 * @param name the record, nested in the client's {@code Message} type
 * @param components one name per client parameter, in order (the user's names, unless a record
 *     forbids one, such as {@code hashCode})
 * @param classVariables the server class's type variables, which every record repeats so that it
 *     can implement {@code Message<K, V>}
 * @param methodVariables the handler's own type variables, declared after the class's
 * @param helper the name of the generic method in {@code Dispatch} that calls a generic handler
 *     (binding its type variables once), or empty when the switch calls the handler directly
 */
record MessageRecord(
    HandlerModel handler,
    ClassName name,
    List<String> components,
    List<TypeVariableName> classVariables,
    List<TypeVariableName> methodVariables,
    String helper) {

  boolean isGeneric() {
    return !classVariables.isEmpty() || !methodVariables.isEmpty();
  }

  /** {@code Message.Put} or, for a generic record, {@code Message.Put<>} for a diamond. */
  String creation() {
    return isGeneric() ? "new $T<>" : "new $T";
  }

  /** The type a switch case tests: the class's variables, {@code ?} for the method's. */
  TypeName pattern() {
    if (!isGeneric()) {
      return name;
    }
    List<TypeName> arguments = new ArrayList<>(names(classVariables));
    methodVariables.forEach(v -> arguments.add(WildcardTypeName.subtypeOf(Object.class)));
    return ParameterizedTypeName.get(name, arguments.toArray(TypeName[]::new));
  }

  /** The record with all its variables, as the generic helper's parameter declares it. */
  TypeName withVariables() {
    if (!isGeneric()) {
      return name;
    }
    List<TypeName> arguments = new ArrayList<>(names(classVariables));
    arguments.addAll(names(methodVariables));
    return ParameterizedTypeName.get(name, arguments.toArray(TypeName[]::new));
  }

  static List<TypeName> names(List<TypeVariableName> variables) {
    return variables.stream().map(v -> (TypeName) TypeVariableName.get(v.name())).toList();
  }
}
