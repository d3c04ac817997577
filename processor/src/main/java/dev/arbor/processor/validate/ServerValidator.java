package dev.arbor.processor.validate;

import dev.arbor.processor.model.HandlerAnnotation;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.OrphanHandler;
import dev.arbor.processor.model.ServerModel;
import java.util.List;

/** Runs every rule family over one server and returns everything they found. */
public final class ServerValidator {
  private static final List<Validator> VALIDATORS = List.of(
      new ServerShapeValidator(),
      new HandlerShapeValidator(),
      new RequestValidator(),
      new MessageMatchValidator(),
      new LifecycleValidator(),
      new ClientClashValidator(),
      new RemoteValidator());

  public ValidationReport validate(ServerModel server) {
    ValidationReport report = new ValidationReport();
    for (HandlerModel h : server.handlers()) {
      if (h.annotations().size() > 1) {
        report.error(h.element(), Diagnostics.handlerAnnotations(h.signature(),
            h.annotations().stream().map(HandlerAnnotation::kind).toList()));
      }
    }
    List<HandlerModel> single = server.handlers().stream().filter(h -> h.annotations().size() == 1).toList();
    for (Validator v : VALIDATORS) {
      v.validate(server, single, report);
    }
    return report;
  }

  /** Handler annotations outside any {@code @GenServer} class. */
  public ValidationReport validateOrphans(List<OrphanHandler> orphans) {
    ValidationReport report = new ValidationReport();
    for (OrphanHandler o : orphans) {
      report.error(o.method(), Diagnostics.orphanHandler(o.annotation().kind(),
          o.method().getSimpleName() + signatureOf(o), o.enclosing().getSimpleName().toString()));
    }
    return report;
  }

  private static String signatureOf(OrphanHandler o) {
    return o.method().getParameters().stream()
        .map(p -> p.asType().toString())
        .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
  }
}
