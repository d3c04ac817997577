package dev.arbor.processor.generate;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.arbor.processor.model.ParameterModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The client's private {@code Message} type: a sealed interface with one record per {@code @Call}
 * and {@code @Cast} handler, in source order, so that the dispatch switch is checked for
 * exhaustiveness by javac. A generic server's records repeat the class's type variables.
 */
final class MessageGenerator {
  private MessageGenerator() {}

  static TypeSpec generate(ClientLayout layout) {
    TypeSpec.Builder message = TypeSpec.interfaceBuilder(layout.message())
        .addModifiers(Modifier.PRIVATE)
        .addTypeVariables(layout.typeVariables());
    if (layout.records().isEmpty()) {
      // A sealed interface needs a subtype; a server without requests gets a plain one nothing implements.
      return message.addJavadoc("$T has no {@code @Call} or {@code @Cast} handlers, so nothing implements this.\n",
          layout.serverClass()).build();
    }
    message.addModifiers(Modifier.SEALED)
        .addJavadoc("One record per {@code @Call} and {@code @Cast} handler of {@link $T}, in source order.\n",
            layout.serverClass());
    for (MessageRecord r : layout.records().values()) {
      message.addType(record(layout, r));
    }
    return message.build();
  }

  private static TypeSpec record(ClientLayout layout, MessageRecord r) {
    MethodSpec.Builder components = MethodSpec.constructorBuilder();
    List<ParameterModel> parameters = r.handler().clientParameters();
    for (int i = 0; i < parameters.size(); i++) {
      components.addParameter(TypeNames.of(parameters.get(i).type()), r.components().get(i));
    }
    List<TypeVariableName> variables = new java.util.ArrayList<>(r.classVariables());
    variables.addAll(r.methodVariables());
    return TypeSpec.recordBuilder(r.name())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC) // implied in an interface: JavaPoet wants them, then omits them
        .addTypeVariables(variables)
        .recordConstructor(components.build())
        .addSuperinterface(layout.messageType())
        .build();
  }
}
