package dev.arbor.processor.generate;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.arbor.processor.model.RemoteModel;
import javax.lang.model.element.Modifier;

/**
 * The parts of a {@code @RemoteServer}'s client that a {@code @GenServer}'s does not have: its
 * {@code ServerTerms} held once, the {@code RemoteServerRef} it wraps, and the factories {@code
 * of(Pid)}, {@code of(Name)} and {@code withTimeout}. Its request methods, message records and
 * terms are the ones a {@code @GenServer(remote = true)} client gets.
 */
final class RemoteServerClient {
  private RemoteServerClient() {}

  static void generate(TypeSpec.Builder client, ClientLayout layout) {
    TypeName ref = ParameterizedTypeName.get(RuntimeTypes.REMOTE_SERVER_REF, layout.messageType());
    long timeout = layout.server().options().defaultCallTimeoutMillis();
    client.addModifiers(Modifier.FINAL)
        .addField(FieldSpec.builder(RuntimeTypes.SERVER_TERMS, "TERMS", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL).initializer("$L()", TermsGenerator.METHOD).build())
        .addField(FieldSpec.builder(ref, "ref", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(ref, "ref")
            .addStatement("this.ref = ref")
            .build())
        .addMethod(of(layout, RuntimeTypes.PID, "pid", timeout,
            "A client of the {@link $T} server running as {@code pid}, a process on another node.\n"))
        .addMethod(of(layout, RuntimeTypes.NAME, "name", timeout,
            "A client of the {@link $T} server registered as {@code name} on another node, such as\n"
                + "{@code Name.remote(\"" + RemoteModel.snakeCase(layout.serverClass().simpleName())
                + "\", \"b@127.0.0.1\")}; that node looks the name up at each request.\n"
                + "\n@throws IllegalArgumentException if {@code name} is not a {@code Name.Remote}\n"))
        .addMethod(MethodSpec.methodBuilder("withTimeout")
            .addJavadoc("The same server, with calls that wait up to {@code timeout} for their reply.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(RuntimeTypes.DURATION, "timeout")
            .returns(layout.client())
            .addStatement("return new $T(ref.withTimeout(timeout))", layout.client())
            .build())
        .addMethods(RequestMethodsGenerator.generate(layout));
  }

  private static MethodSpec of(ClientLayout layout, TypeName where, String parameter, long timeout, String doc) {
    return MethodSpec.methodBuilder("of")
        .addJavadoc(doc, layout.serverClass())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(where, parameter)
        .returns(layout.client())
        .addStatement("return new $T($T.of($T.class, TERMS, $LL, $L))", layout.client(), RuntimeTypes.REMOTE_SERVER_REF,
            layout.serverClass(), timeout, parameter)
        .build();
  }
}
