package dev.arbor.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.arbor.processor.model.HandlerKind;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.ParameterModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;

/**
 * The client methods for {@code @Call} and {@code @Cast} handlers, in source order: for a call, a
 * blocking method and its {@code <name>Async} twin; for a cast, one method. Each keeps the
 * handler's parameter names, type variables, varargs and (for the blocking call) declared
 * exceptions, which the runtime rethrows with their type.
 */
final class RequestMethodsGenerator {
  private RequestMethodsGenerator() {}

  static List<MethodSpec> generate(ClientLayout layout) {
    List<MethodSpec> methods = new ArrayList<>();
    for (HandlerModel h : layout.server().requests()) {
      MessageRecord r = layout.record(h);
      if (h.kind() == HandlerKind.CALL) {
        methods.add(call(layout, r));
        methods.add(callAsync(layout, r));
      } else {
        methods.add(cast(layout, r));
      }
    }
    return methods;
  }

  private static MethodSpec call(ClientLayout layout, MessageRecord r) {
    HandlerModel h = r.handler();
    TypeName returns = answerType(h);
    MethodSpec.Builder method = signature(layout, h.name(), h)
        .addJavadoc(Javadocs.call(layout, h))
        .returns(returns);
    h.relayedThrownTypes().forEach(t -> method.addException(TypeName.get(t)));
    CodeBlock request = CodeBlock.of("$L.call($S, $L)", ref(h), h.name(), newMessage(r));
    if (returns.equals(TypeName.VOID)) {
      method.addStatement("$L", request);
    } else {
      method.addStatement("return $L", request);
    }
    return method.build();
  }

  private static MethodSpec callAsync(ClientLayout layout, MessageRecord r) {
    HandlerModel h = r.handler();
    TypeName answer = answerType(h);
    TypeName boxed = answer.equals(TypeName.VOID) ? TypeName.get(Void.class) : answer.box();
    return signature(null, h.name() + "Async", h)
        .addJavadoc(Javadocs.callAsync(layout, h, h.name()))
        .returns(ParameterizedTypeName.get(RuntimeTypes.COMPLETABLE_FUTURE, boxed))
        .addStatement("return $L.callAsync($S, $L)", ref(h), h.name(), newMessage(r))
        .build();
  }

  private static MethodSpec cast(ClientLayout layout, MessageRecord r) {
    HandlerModel h = r.handler();
    return signature(layout, h.name(), h)
        .addJavadoc(Javadocs.cast(layout, h))
        .addStatement("$L.cast($L)", ref(h), newMessage(r))
        .build();
  }

  /**
   * Name, modifiers, type variables, parameters, varargs, {@code @Deprecated}: all but the body.
   *
   * @param implementing the layout, when the method implements the {@code @RemoteServer}'s own
   *     method (then it says {@code @Override}); null for a method only the client has
   */
  private static MethodSpec.Builder signature(ClientLayout implementing, String name, HandlerModel h) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC);
    if (implementing != null && implementing.describesRemoteServer()) {
      method.addAnnotation(RuntimeTypes.OVERRIDE);
    }
    Annotations.deprecation(method, h.deprecation());
    h.typeParameters().forEach(p -> method.addTypeVariable(TypeVariableName.get(p)));
    List<ParameterModel> parameters = h.clientParameters();
    for (ParameterModel p : parameters) {
      method.addParameter(TypeNames.of(p.type()), p.name());
    }
    // A Reply is always last, so a varargs handler with a Reply cannot exist; only the last
    // client parameter can be the varargs one.
    boolean varargs = h.varargs() && !parameters.isEmpty();
    method.varargs(varargs);
    List<String> suppressed = new ArrayList<>();
    if (varargs) {
      Varargs.annotate(method, true, h.safeVarargs(), TypeName.get(parameters.get(parameters.size() - 1).type()),
          false, suppressed);
    }
    if (h.overloadTakingInterfaces()) {
      // javac's overloads lint flags lambda-friendly overloads; the server's author chose them already.
      suppressed.add("overloads");
    }
    Varargs.suppressAll(method, suppressed);
    return method;
  }

  /** {@code new Message.IncrementBy(amount)}; a varargs array is copied, as messages are shared. */
  private static CodeBlock newMessage(MessageRecord r) {
    List<ParameterModel> parameters = r.handler().clientParameters();
    List<CodeBlock> arguments = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      boolean copy = r.handler().varargs() && i == parameters.size() - 1;
      arguments.add(CodeBlock.of(copy ? "$L.clone()" : "$L", parameters.get(i).name()));
    }
    return CodeBlock.of(r.creation() + "($L)", r.name(), CodeBlock.join(arguments, ", "));
  }

  /**
   * What the blocking method returns: the handler's return type, or the {@code T} of its {@code
   * Reply<T>}, where {@code Reply<Void>} makes a method that returns {@code void}.
   */
  private static TypeName answerType(HandlerModel h) {
    Optional<TypeMirror> reply = h.replyParameter().flatMap(ParameterModel::replyValue);
    if (reply.isEmpty()) {
      return TypeNames.of(h.returnType());
    }
    TypeName value = TypeNames.of(reply.get());
    return value.withoutAnnotations().equals(TypeName.get(Void.class)) ? TypeName.VOID : value;
  }

  private static String ref(HandlerModel h) {
    return ClientLayout.refIn(h.clientParameters().stream().map(ParameterModel::name).toList());
  }
}
