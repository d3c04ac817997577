package dev.arbor.processor.validate;

import dev.arbor.processor.model.ConstructorModel;
import dev.arbor.processor.model.HandlerKind;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.ParameterModel;
import dev.arbor.processor.model.ServerModel;
import dev.arbor.processor.model.Signatures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The client methods a constructor or handler turns into, as javac compares them: name and erased
 * parameter types. Two equal signatures in one class do not compile, so they must be caught here.
 */
final class ClientSignatures {
  private ClientSignatures() {}

  private static final String START_OPTIONS = "dev.arbor.server.StartOptions";
  private static final String STRING = "java.lang.String";

  /** A method as javac tells overloads apart. */
  record Signature(String name, List<String> erasures) {
    static Signature of(String name, String... erasures) {
      return new Signature(name, List.of(erasures));
    }

    /** {@code start(StartOptions, int)}: simple names, as a reader of the message wrote them. */
    String display() {
      return erasures.stream()
          .map(e -> e.substring(e.lastIndexOf('.') + 1))
          .collect(Collectors.joining(", ", name + "(", ")"));
    }
  }

  /** The start, startLink and childSpec overloads that mirror one constructor. */
  static List<Signature> forConstructor(ConstructorModel constructor) {
    List<String> p = erasures(constructor.parameters());
    List<Signature> result = new ArrayList<>();
    for (String name : List.of("start", "startLink", "childSpec")) {
      result.add(new Signature(name, p));
      result.add(new Signature(name, prepend(p, START_OPTIONS)));
    }
    result.add(new Signature("childSpec", prepend(prepend(p, START_OPTIONS), STRING)));
    return result;
  }

  /** A call's blocking and async methods, or a cast's one method. */
  static List<Signature> forHandler(HandlerModel handler) {
    List<String> p = erasures(handler.clientParameters());
    List<Signature> result = new ArrayList<>();
    result.add(new Signature(handler.name(), p));
    if (handler.kind() == HandlerKind.CALL) {
      result.add(new Signature(handler.name() + "Async", p));
    }
    return result;
  }

  /** How messages name a constructor: {@code Counter(int)}. */
  static String constructor(ServerModel server, ConstructorModel constructor) {
    return Signatures.of(server.simpleName(), constructor.parameters());
  }

  private static List<String> erasures(List<ParameterModel> parameters) {
    return parameters.stream().map(ParameterModel::erasure).toList();
  }

  private static List<String> prepend(List<String> list, String first) {
    List<String> result = new ArrayList<>();
    result.add(first);
    result.addAll(list);
    return result;
  }
}
