package dev.arbor.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.arbor.processor.model.ConstructorModel;
import dev.arbor.processor.model.HandlerKind;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.ParameterModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.type.TypeMirror;

/** The client's javadoc: each method carries its handler's comment and a link back to it. */
final class Javadocs {
  private Javadocs() {}

  /** {@code Counter#incrementBy(int)}, for {@code {@link}} and {@code @see}. */
  static CodeBlock reference(ClassName server, String member, List<ParameterModel> parameters) {
    CodeBlock params = parameters.stream()
        .map(p -> CodeBlock.of("$T", TypeName.get(p.erasedType())))
        .collect(CodeBlock.joining(", "));
    return CodeBlock.of("$T#$L($L)", server, member, params);
  }

  static CodeBlock call(ClientLayout layout, HandlerModel h) {
    CodeBlock link = reference(layout.serverClass(), h.name(), h.parameters());
    String copied = copied(layout, h, withoutParam(h.javadoc(), h.replyParameter().map(ParameterModel::name)));
    if (copied.isEmpty()) {
      return CodeBlock.of("Calls {@link $L} and waits for its reply.\n", link);
    }
    return CodeBlock.of("$L$L@see $L\n", copied, seeSeparator(copied), link);
  }

  static CodeBlock callAsync(ClientLayout layout, HandlerModel h, String blockingMethod) {
    CodeBlock link = reference(layout.serverClass(), h.name(), h.parameters());
    CodeBlock self = CodeBlock.of("#$L($L)", blockingMethod, h.clientParameters().stream()
        .map(p -> CodeBlock.of("$T", TypeName.get(p.erasedType())))
        .collect(CodeBlock.joining(", ")));
    String failures = layout.describesRemoteServer()
        ? "or fails with an {@code ExitException} if the server dies, a {@code RemoteReplyException}\n"
            + "if the reply does not fit, or a {@code CallTimeoutException}.\n"
        : "or fails with the handler's exception, an {@code ExitException} if the server dies,\n"
            + "or a {@code CallTimeoutException}.\n";
    return CodeBlock.of("Like {@link $L}, without blocking: the future completes with the reply,\n$L"
        + "\n@see $L\n", self, failures, link);
  }

  static CodeBlock cast(ClientLayout layout, HandlerModel h) {
    CodeBlock link = reference(layout.serverClass(), h.name(), h.parameters());
    if (h.javadoc().isEmpty()) {
      return CodeBlock.of("Casts to {@link $L}: returns at once and never fails.\n", link);
    }
    String copied = copied(layout, h, h.javadoc());
    return CodeBlock.of("$L$L@see $L\n", copied, seeSeparator(copied), link);
  }

  /** The server class's own comment, for the client's, with its member links pointed at the server. */
  static String server(ClientLayout layout, String javadoc) {
    return CopiedDocs.linksToServer(javadoc, layout.serverClass());
  }

  private static String copied(ClientLayout layout, HandlerModel h, String javadoc) {
    Set<String> rethrown = new HashSet<>();
    for (TypeMirror t : h.relayedThrownTypes()) {
      if (!CopiedDocs.isUnchecked(t) && TypeName.get(t) instanceof ClassName name) {
        rethrown.add(name.simpleName());
        rethrown.add(name.canonicalName());
      }
    }
    return CopiedDocs.forClient(javadoc, layout.serverClass(), rethrown, h.kind() == HandlerKind.CAST);
  }

  /** @param options the name of the {@code StartOptions} parameter, or null when there is none */
  static CodeBlock start(ClientLayout layout, ConstructorModel c, String verb, String options) {
    CodeBlock link = reference(layout.serverClass(), layout.serverClass().simpleName(), c.parameters());
    String how = switch (verb) {
      case "start" -> "Starts a new {@link $T}, not linked to the caller,";
      case "startLink" -> "Starts a new {@link $T} linked to the calling process";
      default -> "A supervisor child spec that starts a new {@link $T} linked to its supervisor;";
    };
    CodeBlock tail = verb.equals("childSpec")
        ? CodeBlock.of("\nits id is the registered name, if any, else {@code $L}.\n", layout.client().simpleName())
        : CodeBlock.of("\nand returns once its {@code @Init} has run.\n");
    CodeBlock optionsDoc = options == null
        ? CodeBlock.of("")
        : CodeBlock.of("\n<p>{@code $L} name the server and bound its start.\n", options);
    return CodeBlock.builder()
        .add(how, layout.serverClass())
        .add(tail)
        .add(optionsDoc)
        .add("\n@see $L\n", link)
        .build();
  }

  /** A blank line before the first block tag; none between block tags. */
  private static String seeSeparator(String javadoc) {
    String[] lines = javadoc.split("\n");
    return lines[lines.length - 1].isBlank() || !hasBlockTags(javadoc) ? "\n\n" : "\n";
  }

  private static boolean hasBlockTags(String javadoc) {
    return javadoc.lines().anyMatch(line -> line.strip().startsWith("@"));
  }

  /** Drops the {@code @param} block of a parameter the client method does not have. */
  static String withoutParam(String javadoc, Optional<String> parameter) {
    if (parameter.isEmpty() || javadoc.isEmpty()) {
      return javadoc;
    }
    List<String> kept = new ArrayList<>();
    boolean skipping = false;
    for (String line : javadoc.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("@")) {
        skipping = trimmed.matches("@param\\s+" + java.util.regex.Pattern.quote(parameter.get()) + "(\\s.*)?");
      }
      if (!skipping) {
        kept.add(line);
      }
    }
    return String.join("\n", kept).strip();
  }
}
