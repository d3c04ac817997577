package dev.arbor.processor.validate;

import dev.arbor.processor.model.ConstructorModel;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.ServerModel;
import dev.arbor.processor.validate.ClientSignatures.Signature;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes sure the generated client compiles: no two constructors or handlers may produce methods
 * with the same erased signature, no handler may take a name the client uses for its own methods,
 * and none may collide with a method of {@code Object}.
 */
final class ClientClashValidator implements Validator {

  /**
   * The client's own method names. A handler may not use them even with other parameters: {@code
   * counter.stop("now")} next to {@code counter.stop()} would read as the same operation.
   */
  private static final Set<String> RESERVED = Set.of("start", "startLink", "childSpec", "of", "pid", "withTimeout",
      "stop");

  private static final List<Signature> OBJECT_METHODS = List.of(
      Signature.of("equals", "java.lang.Object"),
      Signature.of("hashCode"),
      Signature.of("toString"),
      Signature.of("getClass"),
      Signature.of("notify"),
      Signature.of("notifyAll"),
      Signature.of("wait"),
      Signature.of("wait", "long"),
      Signature.of("wait", "long", "int"),
      Signature.of("clone"),
      Signature.of("finalize"));

  @Override
  public void validate(ServerModel server, List<HandlerModel> handlers, ValidationReport report) {
    Map<Signature, ConstructorModel> fromConstructors = new HashMap<>();
    for (ConstructorModel c : server.accessibleConstructors()) {
      for (Signature s : ClientSignatures.forConstructor(c)) {
        ConstructorModel earlier = fromConstructors.putIfAbsent(s, c);
        if (earlier != null && earlier != c) {
          report.error(c.element(), Diagnostics.constructorClash(s.display(),
              ClientSignatures.constructor(server, c), ClientSignatures.constructor(server, earlier)));
          break;
        }
      }
    }

    Map<Signature, HandlerModel> fromHandlers = new HashMap<>();
    for (HandlerModel h : handlers) {
      if (!h.kind().isRequest()) {
        continue;
      }
      if (RESERVED.contains(h.name())) {
        report.error(h.element(), Diagnostics.reservedName(h.kind(), h.signature()));
        continue;
      }
      for (Signature s : ClientSignatures.forHandler(h)) {
        if (OBJECT_METHODS.contains(s)) {
          report.error(h.element(), Diagnostics.objectMethod(h.kind(), h.signature(), s.display()));
          break;
        }
        HandlerModel earlier = fromHandlers.putIfAbsent(s, h);
        if (earlier != null) {
          report.error(h.element(), Diagnostics.methodClash(s.display(), h.kind(), h.signature(), earlier.kind(),
              earlier.signature()));
          break;
        }
      }
    }
  }
}
