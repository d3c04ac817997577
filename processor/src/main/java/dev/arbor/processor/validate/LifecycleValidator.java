package dev.arbor.processor.validate;

import dev.arbor.processor.model.HandlerKind;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.ServerModel;
import java.util.List;

/** Rules for {@code @Init} and {@code @Terminate}: their parameters, and at most one of each. */
final class LifecycleValidator implements Validator {

  @Override
  public void validate(ServerModel server, List<HandlerModel> handlers, ValidationReport report) {
    HandlerModel firstInit = null;
    HandlerModel firstTerminate = null;
    for (HandlerModel h : handlers) {
      if (h.kind() == HandlerKind.INIT) {
        if (!h.parameters().isEmpty()) {
          report.error(h.element(), Diagnostics.initParameters(h.signature(), h.parameters().size()));
        }
        if (firstInit == null) {
          firstInit = h;
        } else {
          report.error(h.element(), Diagnostics.duplicateLifecycle(h.kind(), h.signature(), firstInit.signature()));
        }
      } else if (h.kind() == HandlerKind.TERMINATE) {
        boolean ok = h.parameters().isEmpty() || (h.parameters().size() == 1 && h.parameters().get(0).exitReason());
        if (!ok) {
          report.error(h.element(), Diagnostics.terminateParameters(h.signature()));
        }
        if (firstTerminate == null) {
          firstTerminate = h;
        } else {
          report.error(h.element(), Diagnostics.duplicateLifecycle(h.kind(), h.signature(), firstTerminate.signature()));
        }
      }
    }
  }
}
