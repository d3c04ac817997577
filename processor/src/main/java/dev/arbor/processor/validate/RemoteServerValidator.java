package dev.arbor.processor.validate;

import dev.arbor.processor.model.HandlerAnnotation;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.RemoteModel;
import dev.arbor.processor.model.RemoteServerModel;
import dev.arbor.processor.model.ServerKind;
import dev.arbor.processor.model.ServerModel;
import java.util.List;

/**
 * The rules of a {@code @RemoteServer}: a visible, non-generic interface whose abstract methods are
 * all {@code @Call}s and {@code @Cast}s, each with term forms and its own atom, as for a {@code
 * @GenServer(remote = true)} class (whose request rules it shares).
 */
public final class RemoteServerValidator {
  private static final List<Validator> SHARED = List.of(new HandlerShapeValidator(), new RequestValidator(),
      new ClientClashValidator());

  public ValidationReport validate(RemoteServerModel model) {
    ServerModel server = model.server();
    ValidationReport report = new ValidationReport();
    String name = server.displayName();
    if (server.kind() != ServerKind.INTERFACE) {
      report.error(server.element(), server.annotation(),
          Diagnostics.remoteServerKind(name, server.kind().description()));
      return report; // its methods are not requests: judging them would only repeat this error
    }
    server.hiddenBy().ifPresent(hider -> report.error(server.element(),
        Diagnostics.privateRemoteServer(name, hider, hider.equals(server.simpleName()))));
    if (!server.typeParameters().isEmpty()) {
      report.error(server.element(), server.annotation(), Diagnostics.remoteServerGeneric("interface " + name));
    }
    long timeout = server.options().defaultCallTimeoutMillis();
    if (timeout <= 0) {
      server.options().defaultCallTimeoutValue().ifPresent(
          v -> report.error(server.element(), server.annotation(), v, Diagnostics.callTimeout(timeout)));
    }
    for (RemoteServerModel.Method m : model.unannotated()) {
      report.error(m.element(), Diagnostics.remoteServerMethod(m.signature(), "no annotation"));
    }
    for (RemoteServerModel.Method m : model.annotatedWithBody()) {
      report.error(m.element(), Diagnostics.remoteServerBody(m.signature(), m.annotation()));
    }
    for (HandlerModel h : server.handlers()) {
      if (h.annotations().size() > 1) {
        report.error(h.element(), Diagnostics.handlerAnnotations(h.signature(),
            h.annotations().stream().map(HandlerAnnotation::kind).toList()));
      } else if (!h.kind().isRequest()) {
        report.error(h.element(), h.annotation().mirror(),
            Diagnostics.remoteServerMethod(h.signature(), h.kind().display()));
      } else if (!h.typeParameters().isEmpty()) {
        report.error(h.element(), Diagnostics.remoteServerGeneric("method " + h.signature()));
      }
    }
    List<HandlerModel> requests = server.handlers().stream()
        .filter(h -> h.annotations().size() == 1 && h.kind().isRequest())
        .toList();
    SHARED.forEach(v -> v.validate(server, requests, report));
    // A generic method is reported as such; its type variables' missing term forms would only repeat it.
    RemoteModel remote = server.remote().orElseThrow();
    RemoteValidator.validateRequests(Diagnostics.REMOTE_SERVER, new RemoteModel(remote.requests().stream()
        .filter(r -> r.handler().typeParameters().isEmpty()).toList(), List.of()), report);
    return report;
  }
}
