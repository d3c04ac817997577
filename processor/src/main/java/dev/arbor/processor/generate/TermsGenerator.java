package dev.arbor.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.arbor.processor.model.HandlerKind;
import dev.arbor.processor.model.RemoteHandler;
import dev.arbor.processor.model.RemoteModel;
import dev.arbor.processor.model.TermShape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The {@code terms()} method of a {@code @GenServer(remote = true)} client: the runtime's {@code
 * ServerTerms}, which says for each handler its atom, its arguments' and reply's term types, how
 * to build its message from decoded arguments (for the server) and how to read them back from it
 * (for a client on another node), and which declared exceptions such a client can rebuild. Data and lambdas only: no reflection at run time.
 */
final class TermsGenerator {
  static final String METHOD = "terms";

  private TermsGenerator() {}

  static MethodSpec generate(ClientLayout layout, RemoteModel remote) {
    Casts casts = new Casts();
    CodeBlock.Builder chain = CodeBlock.builder().add("return $T.builder()$>$>", RuntimeTypes.SERVER_TERMS);
    for (RemoteHandler r : remote.requests()) {
      MessageRecord record = layout.record(r.handler());
      List<CodeBlock> arguments = new ArrayList<>();
      for (int i = 0; i < r.arguments().size(); i++) {
        arguments.add(casts.cast(r.handler().clientParameters().get(i).type(), CodeBlock.of("args[$L]", i)));
      }
      CodeBlock message = CodeBlock.of("$T.class,$Wargs -> new $T($L),$W$L", record.name(), record.name(),
          CodeBlock.join(arguments, ", "), unpack(record));
      CodeBlock types = r.arguments().stream().map(s -> CodeBlock.of(",$W$L", type(s, casts)))
          .collect(CodeBlock.joining(""));
      if (r.handler().kind() == HandlerKind.CALL) {
        chain.add("\n.call($S, $S,$W$L,$W$L$L)", r.atom(), r.handler().name(), type(r.reply().orElseThrow(), casts),
            message, types);
        for (TypeMirror thrown : r.handler().relayedThrownTypes()) {
          if (rebuildable(thrown)) {
            chain.add("\n.failure($T.class, $T::new)", erasure(thrown), erasure(thrown));
          }
        }
      } else {
        chain.add("\n.cast($S, $S,$W$L$L)", r.atom(), r.handler().name(), message, types);
      }
    }
    for (RemoteHandler info : remote.infos()) {
      TermShape shape = info.arguments().get(0);
      if (shape.unmappable().isEmpty()) { // such an @Info still takes local messages
        chain.add("\n.info($L)", type(shape, casts));
      }
    }
    chain.add("\n.build();\n$<$<");
    MethodSpec.Builder method = MethodSpec.methodBuilder(METHOD)
        .addJavadoc("How Erlang and Elixir nodes address {@link $T}'s handlers ({@code @GenServer(remote = true)}):"
            + " each request's atom, the term types of its arguments and reply, and how its message is built.\n",
            layout.serverClass())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(RuntimeTypes.SERVER_TERMS);
    if (casts.unchecked) {
      // Each argument was decoded by the TermType written next to it, so the generic casts hold.
      method.addAnnotation(Varargs.suppress("unchecked"));
    }
    return method.addCode(chain.build()).build();
  }

  /**
   * Whether a client on another node can rebuild {@code thrown} from the error term a remote server
   * answers with: a concrete checked exception with a public constructor taking the message.
   */
  private static boolean rebuildable(TypeMirror thrown) {
    if (!(thrown instanceof DeclaredType declared)
        || !(declared.asElement() instanceof TypeElement type)
        || type.getModifiers().contains(Modifier.ABSTRACT) || !isChecked(type)) {
      return false;
    }
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(c -> c.getModifiers().contains(Modifier.PUBLIC) && c.getParameters().size() == 1
            && c.getParameters().get(0).asType().toString().equals("java.lang.String"));
  }

  /** Whether {@code type} extends {@code Exception} but not {@code RuntimeException}. */
  private static boolean isChecked(TypeElement type) {
    for (TypeElement t = type; t != null; ) {
      String name = t.getQualifiedName().toString();
      if (name.equals("java.lang.RuntimeException") || name.equals("java.lang.Error")) {
        return false;
      }
      if (name.equals("java.lang.Exception")) {
        return true;
      }
      t = t.getSuperclass() instanceof DeclaredType parent ? (TypeElement) parent.asElement() : null;
    }
    return false;
  }

  /** {@code m -> new Object[] {m.amount(), m.label()}}: a message's arguments, for a client's request. */
  private static CodeBlock unpack(MessageRecord record) {
    if (record.components().isEmpty()) {
      return CodeBlock.of("m -> new Object[0]");
    }
    return CodeBlock.of("m -> new Object[] {$L}",
        record.components().stream().map(c -> CodeBlock.of("m.$L()", c)).collect(CodeBlock.joining(", ")));
  }

  /** The {@code TermType} expression for {@code shape}. */
  private static CodeBlock type(TermShape shape, Casts casts) {
    return switch (shape) {
      case TermShape.Fixed f -> CodeBlock.of("$T.$L", RuntimeTypes.TERM_TYPE, f.constant());
      case TermShape.Container c -> CodeBlock.of("$T.$L($L)", RuntimeTypes.TERM_TYPE, c.factory(),
          c.elements().stream().map(e -> type(e, casts)).collect(CodeBlock.joining(", ")));
      case TermShape.EnumShape e -> CodeBlock.of("$T.enumOf($T.class, $T.values())", RuntimeTypes.TERM_TYPE,
          erasure(e.type()), erasure(e.type()));
      case TermShape.RecordShape r -> record(r, casts);
      case TermShape.TermModel t -> CodeBlock.of("$T.term($T.class)", RuntimeTypes.TERM_TYPE, erasure(t.type()));
      case TermShape.Unmappable u -> throw new IllegalStateException("validated away: " + u);
    };
  }

  /** {@code TermType.recordOf(Point.class, v -> new Point((int) v[0], ...), TermType.<Point>component("x", ...), ...)}. */
  private static CodeBlock record(TermShape.RecordShape r, Casts casts) {
    TypeName record = TypeName.get(r.type());
    List<CodeBlock> values = new ArrayList<>();
    List<CodeBlock> components = new ArrayList<>();
    TypeElement element = (TypeElement) ((DeclaredType) r.type()).asElement();
    for (int i = 0; i < r.components().size(); i++) {
      TermShape.Component c = r.components().get(i);
      values.add(casts.cast(element.getRecordComponents().get(i).asType(), CodeBlock.of("v[$L]", i)));
      components.add(CodeBlock.of("$T.<$T>component($S, $L, $T::$L)", RuntimeTypes.TERM_TYPE, record, c.key(),
          type(c.shape(), casts), record, c.accessor()));
    }
    return CodeBlock.of("$T.recordOf($T.class,$Wv -> new $T($L)$L)", RuntimeTypes.TERM_TYPE, record, record,
        CodeBlock.join(values, ", "),
        components.stream().map(c -> CodeBlock.of(",$W$L", c)).collect(CodeBlock.joining("")));
  }

  private static TypeName erasure(TypeMirror type) {
    TypeName name = TypeName.get(type);
    return name instanceof ParameterizedTypeName p ? p.rawType() : name;
  }

  /** Writes casts from {@code Object}, noting whether any is unchecked. */
  private static final class Casts {
    boolean unchecked;

    CodeBlock cast(TypeMirror type, CodeBlock value) {
      TypeName name = TypeName.get(type);
      if (name.equals(RuntimeTypes.OBJECT)) {
        return value; // a cast to Object would be redundant, which -Xlint:cast reports
      }
      if (name instanceof ParameterizedTypeName) {
        unchecked = true;
      }
      return CodeBlock.of("($T) $L", name, value);
    }
  }
}
