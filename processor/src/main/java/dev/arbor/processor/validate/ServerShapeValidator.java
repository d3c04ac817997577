package dev.arbor.processor.validate;

import dev.arbor.processor.model.ClientOptions;
import dev.arbor.processor.model.ConstructorModel;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.ServerModel;
import java.util.List;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeParameterElement;

/**
 * The rules on the annotated type itself: a concrete, reachable, static class (or record) with a
 * constructor the client can call, and sensible {@code @GenServer} attributes.
 *
 * <p>Records are allowed: their components are final, but a record can still hold mutable state in
 * them (a map, a counter object), and rejecting records would buy nothing. Interfaces, enums and
 * annotation interfaces cannot be instantiated by a client and are rejected.
 */
final class ServerShapeValidator implements Validator {

  @Override
  public void validate(ServerModel server, List<HandlerModel> handlers, ValidationReport report) {
    String name = server.displayName();
    if (!server.kind().canBeServer()) {
      report.error(server.element(), Diagnostics.serverKind(name, server.kind().description()));
    } else {
      if (server.isAbstract()) {
        report.error(server.element(), Diagnostics.abstractServer(name));
      }
      if (server.innerClass()) {
        report.error(server.element(), Diagnostics.innerServer(name));
      }
      if (server.accessibleConstructors().isEmpty()) {
        report.error(server.element(), Diagnostics.noConstructor(name));
      }
    }
    server.hiddenBy().ifPresent(hider -> report.error(server.element(),
        Diagnostics.privateServer(name, hider, hider.equals(server.simpleName()))));
    if (!server.inaccessibleBounds().isEmpty()) {
      report.error(server.element(), Diagnostics.inaccessibleBound(name, server.inaccessibleBounds()));
    }

    var options = server.options();
    String clientName = options.clientName();
    if (!SourceVersion.isIdentifier(clientName) || SourceVersion.isKeyword(clientName)
        || clientName.equals(server.simpleNames().get(0))) {
      String message = Diagnostics.clientName(clientName, ClientOptions.defaultClientName(server.simpleNames()));
      options.clientNameValue().ifPresentOrElse(
          v -> report.error(server.element(), server.annotation(), v, message),
          () -> report.error(server.element(), server.annotation(), message));
    }
    if (options.defaultCallTimeoutMillis() <= 0) {
      long found = options.defaultCallTimeoutMillis();
      options.defaultCallTimeoutValue().ifPresentOrElse(
          v -> report.error(server.element(), server.annotation(), v, Diagnostics.callTimeout(found)),
          () -> report.error(server.element(), server.annotation(), Diagnostics.callTimeout(found)));
    }

    for (ConstructorModel c : server.accessibleConstructors()) {
      String what = "constructor " + ClientSignatures.constructor(server, c);
      if (!c.inaccessibleTypes().isEmpty()) {
        report.error(c.element(), Diagnostics.inaccessibleType(what, c.inaccessibleTypes()));
      }
      for (TypeParameterElement p : c.typeParameters()) {
        if (hidesClassVariable(server, p)) {
          report.error(c.element(), Diagnostics.typeVariableShadow(what, p.getSimpleName().toString()));
        }
      }
    }
  }

  static boolean hidesClassVariable(ServerModel server, TypeParameterElement p) {
    return server.typeParameters().stream().anyMatch(c -> c.getSimpleName().contentEquals(p.getSimpleName()));
  }
}
