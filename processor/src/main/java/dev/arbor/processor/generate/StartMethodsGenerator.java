package dev.arbor.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.arbor.processor.model.ConstructorModel;
import dev.arbor.processor.model.ParameterModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The client's static factories: {@code start}, {@code startLink} and {@code childSpec} overloads
 * mirroring every non-private constructor (each also with a leading {@code StartOptions}, and
 * {@code childSpec} also with an explicit id), then {@code of(Pid)} and {@code of(Name)}.
 * Overloads of one name sit together.
 */
final class StartMethodsGenerator {
  private StartMethodsGenerator() {}

  static List<MethodSpec> generate(ClientLayout layout) {
    List<ConstructorModel> constructors = layout.server().accessibleConstructors();
    List<MethodSpec> methods = new ArrayList<>();
    for (String verb : List.of("start", "startLink")) {
      for (ConstructorModel c : constructors) {
        methods.add(delegating(layout, c, verb, layout.clientType()));
        methods.add(starting(layout, c, verb));
      }
    }
    for (ConstructorModel c : constructors) {
      methods.add(delegating(layout, c, "childSpec", RuntimeTypes.CHILD_SPEC));
      methods.add(starting(layout, c, "childSpec"));
      methods.add(childSpecWithId(layout, c));
    }
    methods.add(of(layout, RuntimeTypes.PID, "pid",
        "A client for the server running as {@code pid}. Calls after it has exited throw\n"
            + "{@code ExitException} with reason {@code noproc}.\n"));
    methods.add(of(layout, RuntimeTypes.NAME, "name",
        "A client for whatever server is registered under {@code name}, looked up at each call.\n"));
    return methods;
  }

  /** {@code start(args)}: the same with {@code StartOptions.defaults()}. */
  private static MethodSpec delegating(ClientLayout layout, ConstructorModel c, String verb, TypeName returns) {
    return header(layout, c, verb, returns)
        .addJavadoc(Javadocs.start(layout, c, verb, null))
        .addParameters(parameters(c))
        .addStatement("return $L($T.defaults()$L)", verb, RuntimeTypes.START_OPTIONS, arguments(c, true, null))
        .build();
  }

  /** {@code start(options, args)}: hands the runtime a factory that calls the constructor. */
  private static MethodSpec starting(ClientLayout layout, ConstructorModel c, String verb) {
    NameAllocator names = allocator(c);
    String options = names.newName("options", "options");
    boolean childSpec = verb.equals("childSpec");
    MethodSpec.Builder method = header(layout, c, verb, childSpec ? RuntimeTypes.CHILD_SPEC : layout.clientType())
        .addJavadoc(Javadocs.start(layout, c, verb, options))
        .addParameter(RuntimeTypes.START_OPTIONS, options)
        .addParameters(parameters(c));
    String copy = null;
    if (c.varargs()) {
      // Start arguments are reused on every restart: keep the caller's later writes out of them.
      ParameterModel last = c.parameters().get(c.parameters().size() - 1);
      copy = names.newName(last.name() + "Copy", "copy");
      method.addStatement("$T $L = $L.clone()", TypeName.get(last.type()), copy, last.name());
    }
    CodeBlock factory = CodeBlock.of("() -> new $T($L)", layout.serverType(), arguments(c, false, copy));
    CodeBlock type = layout.serverTypeIn(parameterNames(c));
    if (childSpec) {
      method.addStatement("return $T.childSpec($L,$W$L,$W$L)", RuntimeTypes.SERVER_REF, type, options, factory);
    } else {
      method.addStatement("return $L($T.$L($L,$W$L,$W$L))", newClient(layout), RuntimeTypes.SERVER_REF, verb, type, options,
          factory);
    }
    return method.build();
  }

  /** {@code childSpec(id, options, args)}. */
  private static MethodSpec childSpecWithId(ClientLayout layout, ConstructorModel c) {
    NameAllocator names = allocator(c);
    String id = names.newName("id", "id");
    String options = names.newName("options", "options");
    CodeBlock link = Javadocs.reference(layout.serverClass(), layout.serverClass().simpleName(), c.parameters());
    return header(layout, c, "childSpec", RuntimeTypes.CHILD_SPEC)
        .addJavadoc("Like {@link #childSpec($T$L)}, with the child id {@code $L}.\n\n@see $L\n",
            RuntimeTypes.START_OPTIONS, erasures(c), id, link)
        .addParameter(RuntimeTypes.STRING, id)
        .addParameter(RuntimeTypes.START_OPTIONS, options)
        .addParameters(parameters(c))
        .addStatement("return childSpec($L$L).withId($L)", options, arguments(c, true, null), id)
        .build();
  }

  private static MethodSpec of(ClientLayout layout, TypeName parameterType, String parameter, String javadoc) {
    return MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(layout.typeVariables())
        .returns(layout.clientType())
        .addJavadoc(javadoc)
        .addParameter(parameterType, parameter)
        .addStatement("return $L($T.of($L, $L))", newClient(layout), RuntimeTypes.SERVER_REF,
            layout.serverTypeIn(List.of(parameter)), parameter)
        .build();
  }

  private static MethodSpec.Builder header(ClientLayout layout, ConstructorModel c, String verb, TypeName returns) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(verb)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(layout.typeVariables())
        .returns(returns)
        .varargs(c.varargs());
    c.typeParameters().forEach(p -> method.addTypeVariable(TypeVariableName.get(p)));
    Annotations.deprecation(method, c.deprecation());
    if (c.varargs()) {
      ParameterModel last = c.parameters().get(c.parameters().size() - 1);
      List<String> suppressed = new ArrayList<>();
      Varargs.annotate(method, true, c.safeVarargs(), TypeName.get(last.type()), true, suppressed);
      Varargs.suppressAll(method, suppressed);
    }
    return method;
  }

  private static List<com.palantir.javapoet.ParameterSpec> parameters(ConstructorModel c) {
    return c.parameters().stream()
        .map(p -> com.palantir.javapoet.ParameterSpec.builder(TypeNames.of(p.type()), p.name()).build())
        .toList();
  }

  /** The constructor's arguments, after a comma if {@code leadingComma}; the last replaced by {@code copy}. */
  private static CodeBlock arguments(ConstructorModel c, boolean leadingComma, String copy) {
    List<String> names = new ArrayList<>(parameterNames(c));
    if (copy != null) {
      names.set(names.size() - 1, copy);
    }
    String joined = String.join(", ", names);
    return CodeBlock.of("$L", leadingComma && !joined.isEmpty() ? ", " + joined : joined);
  }

  private static CodeBlock erasures(ConstructorModel c) {
    return CodeBlock.join(c.parameters().stream()
        .map(p -> CodeBlock.of(", $T", TypeName.get(p.erasedType())))
        .toList(), "");
  }

  private static List<String> parameterNames(ConstructorModel c) {
    return c.parameters().stream().map(ParameterModel::name).toList();
  }

  private static NameAllocator allocator(ConstructorModel c) {
    NameAllocator names = new NameAllocator();
    c.parameters().forEach(p -> names.newName(p.name(), p.element()));
    return names;
  }

  private static CodeBlock newClient(ClientLayout layout) {
    return layout.isGeneric() ? CodeBlock.of("new $T<>", layout.client()) : CodeBlock.of("new $T", layout.client());
  }
}
