package dev.arbor.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The client methods every server gets: {@code pid}, {@code withTimeout} and {@code stop}. */
final class InstanceMethodsGenerator {
  private InstanceMethodsGenerator() {}

  static List<MethodSpec> generate(ClientLayout layout) {
    CodeBlock newClient = layout.isGeneric()
        ? CodeBlock.of("new $T<>", layout.client())
        : CodeBlock.of("new $T", layout.client());
    return List.of(
        MethodSpec.methodBuilder("pid")
            .addModifiers(Modifier.PUBLIC)
            .returns(RuntimeTypes.PID)
            .addJavadoc("The server's pid; for a client made with {@code of(Name)}, the pid registered now.\n")
            .addStatement("return ref.pid()")
            .build(),
        MethodSpec.methodBuilder("withTimeout")
            .addModifiers(Modifier.PUBLIC)
            .returns(layout.clientType())
            .addJavadoc("A client for the same server whose calls wait at most {@code timeout} for a reply.\n")
            .addParameter(RuntimeTypes.DURATION, "timeout")
            .addStatement("return $L(ref.withTimeout(timeout))", newClient)
            .build(),
        MethodSpec.methodBuilder("stop")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Stops the server with reason {@code normal}, waiting as long as its {@code @Terminate} takes.\n")
            .addStatement("ref.stop()")
            .build(),
        MethodSpec.methodBuilder("stop")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Stops the server with {@code reason}, waiting at most {@code timeout} for it to exit.\n")
            .addParameter(RuntimeTypes.EXIT_REASON, "reason")
            .addParameter(RuntimeTypes.DURATION, "timeout")
            .addStatement("ref.stop(reason, timeout)")
            .build());
  }
}
