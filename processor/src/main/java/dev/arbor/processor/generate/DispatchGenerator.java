package dev.arbor.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.arbor.processor.model.HandlerKind;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.MessageMatch;
import dev.arbor.processor.model.ParameterModel;
import dev.arbor.processor.model.ServerModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;

/**
 * The {@code Dispatch} class: the runtime's {@code Dispatcher} for this server, a switchboard that
 * maps each message to a handler call and returns. It overrides only the methods the server has
 * handlers for; the interface's defaults cover the rest.
 */
final class DispatchGenerator {
  private DispatchGenerator() {}

  static TypeSpec generate(ClientLayout layout) {
    ServerModel server = layout.server();
    TypeSpec.Builder dispatch = TypeSpec.classBuilder(layout.dispatch())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(layout.typeVariables())
        .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.DISPATCHER, layout.serverType(), layout.messageType()))
        .addJavadoc("Calls {@link $T}'s handlers for the runtime; it holds no state.\n", layout.serverClass());
    dispatch.addMethod(dispatchMethod(layout));
    for (MessageRecord r : layout.records().values()) {
      if (!r.helper().isEmpty()) {
        dispatch.addMethod(helper(layout, r));
      }
    }
    List<HandlerModel> infos = server.handlers(HandlerKind.INFO);
    if (!infos.isEmpty()) {
      dispatch.addMethod(byType(layout, "info", "message", infos));
    }
    List<HandlerModel> continues = server.handlers(HandlerKind.CONTINUE);
    if (!continues.isEmpty()) {
      dispatch.addMethod(byType(layout, "handleContinue", "value", continues));
    }
    server.handlers(HandlerKind.INIT).stream().findFirst().ifPresent(h -> dispatch.addMethod(
        override(layout, "init", TypeName.VOID, List.of(h))
            .addStatement("server.$L()", h.name())
            .build()));
    server.handlers(HandlerKind.TERMINATE).stream().findFirst().ifPresent(h -> dispatch.addMethod(
        override(layout, "terminate", TypeName.VOID, List.of(h))
            .addParameter(RuntimeTypes.EXIT_REASON, "reason")
            .addStatement(h.parameters().isEmpty() ? "server.$L()" : "server.$L(reason)", h.name())
            .build()));
    return dispatch.build();
  }

  /** {@code return switch (message) { case Message.Get m -> server.get(); ... };} */
  private static MethodSpec dispatchMethod(ClientLayout layout) {
    List<HandlerModel> requests = layout.server().requests();
    MethodSpec.Builder method = override(layout, "dispatch", RuntimeTypes.OBJECT, requests)
        .addParameter(layout.messageType(), "message")
        .addParameter(RuntimeTypes.CALL_CONTEXT, "call");
    if (requests.isEmpty()) {
      return method.addStatement("throw new $T($S + message)", RuntimeTypes.ILLEGAL_STATE,
          layout.serverClass().simpleName() + " has no @Call or @Cast handler for ").build();
    }
    // JavaPoet has no model for switch expressions: emit the cases as code, closing with "};".
    CodeBlock.Builder body = CodeBlock.builder().add("return switch (message) {\n$>");
    for (MessageRecord r : layout.records().values()) {
      HandlerModel h = r.handler();
      CodeBlock invocation = r.helper().isEmpty()
          ? handlerCall(r, "server", "m")
          : CodeBlock.of("$L(server, m, call)", r.helper());
      boolean yieldsValue = r.helper().isEmpty() && h.kind() == HandlerKind.CALL && !h.returnsVoid();
      if (yieldsValue || !r.helper().isEmpty()) {
        body.add("case $T m -> $L;\n", r.pattern(), invocation);
      } else {
        body.add("case $T m -> {\n$>$L;\nyield null;\n$<}\n", r.pattern(), invocation);
      }
    }
    return method.addCode(body.add("$<};\n").build()).build();
  }

  /**
   * A generic handler is called through a generic method so that the record's wildcard is
   * captured once: {@code m.type()} and {@code m.value()} then agree on the method's {@code T}.
   */
  private static MethodSpec helper(ClientLayout layout, MessageRecord r) {
    HandlerModel h = r.handler();
    MethodSpec.Builder method = MethodSpec.methodBuilder(r.helper())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addTypeVariables(layout.typeVariables())
        .addTypeVariables(r.methodVariables())
        .returns(RuntimeTypes.OBJECT)
        .addParameter(layout.serverType(), "server")
        .addParameter(r.withVariables(), "m")
        .addParameter(RuntimeTypes.CALL_CONTEXT, "call");
    if (!h.thrownTypes().isEmpty()) {
      method.addException(RuntimeTypes.THROWABLE);
    }
    if (h.kind() == HandlerKind.CALL && !h.returnsVoid()) {
      return method.addStatement("return $L", handlerCall(r, "server", "m")).build();
    }
    return method.addStatement("$L", handlerCall(r, "server", "m")).addStatement("return null").build();
  }

  /** {@code server.incrementBy(m.amount())}, with {@code call.deferReply(...)} for a Reply parameter. */
  private static CodeBlock handlerCall(MessageRecord r, String server, String m) {
    HandlerModel h = r.handler();
    List<CodeBlock> arguments = new ArrayList<>();
    int component = 0;
    for (ParameterModel p : h.parameters()) {
      if (p.isReply()) {
        CodeBlock declared = h.thrownTypes().stream()
            .map(t -> CodeBlock.of("$T.class", TypeName.get(erasureOf(t))))
            .collect(CodeBlock.joining(", "));
        arguments.add(CodeBlock.of("call.deferReply($L)", declared));
      } else {
        arguments.add(CodeBlock.of("$L.$L()", m, r.components().get(component++)));
      }
    }
    return CodeBlock.of("$L.$L($L)", server, h.name(), CodeBlock.join(arguments, ", "));
  }

  /** A thrown type variable ({@code throws E}) has no class literal; its bound does. */
  private static TypeMirror erasureOf(TypeMirror thrown) {
    if (thrown instanceof javax.lang.model.type.TypeVariable v) {
      return erasureOf(v.getUpperBound());
    }
    return thrown;
  }

  /**
   * {@code info} and {@code handleContinue}: handlers in source order, each skipped when a more
   * specific sibling also matches, so the most specific type wins and, among unrelated types, the
   * first declared.
   */
  private static MethodSpec byType(ClientLayout layout, String name, String parameter, List<HandlerModel> handlers) {
    MethodSpec.Builder method = override(layout, name, TypeName.BOOLEAN, handlers)
        .addParameter(RuntimeTypes.OBJECT, parameter);
    for (HandlerModel h : handlers) {
      MessageMatch match = h.match().orElseThrow();
      CodeBlock.Builder condition = CodeBlock.builder()
          .add("$L instanceof $T m", parameter, TypeName.get(match.type()));
      for (TypeMirror moreSpecific : match.moreSpecific()) {
        condition.add(" && !($L instanceof $T)", parameter, TypeName.get(moreSpecific));
      }
      method.beginControlFlow("if ($L)", condition.build())
          .addStatement("server.$L(m)", h.name())
          .addStatement("return true")
          .endControlFlow();
    }
    return method.addStatement("return false").build();
  }

  private static MethodSpec.Builder override(ClientLayout layout, String name, TypeName returns,
      List<HandlerModel> called) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addAnnotation(RuntimeTypes.OVERRIDE)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns)
        .addParameter(layout.serverType(), "server");
    if (called.stream().anyMatch(h -> !h.thrownTypes().isEmpty())) {
      method.addException(RuntimeTypes.THROWABLE);
    }
    return method;
  }
}
