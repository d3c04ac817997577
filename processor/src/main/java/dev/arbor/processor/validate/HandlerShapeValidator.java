package dev.arbor.processor.validate;

import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.ServerModel;
import java.util.List;
import javax.lang.model.element.TypeParameterElement;

/**
 * Rules every handler obeys whatever its kind: the generated dispatcher (another class in the
 * package) must be able to call it on the server instance, and the generated client must be able
 * to name the types it uses.
 */
final class HandlerShapeValidator implements Validator {

  @Override
  public void validate(ServerModel server, List<HandlerModel> handlers, ValidationReport report) {
    for (HandlerModel h : handlers) {
      if (h.isPrivate()) {
        report.error(h.element(), Diagnostics.privateHandler(h.kind(), h.signature()));
      }
      if (h.isStatic()) {
        report.error(h.element(), Diagnostics.staticHandler(h.kind(), h.signature()));
      }
      String what = h.kind().display() + " method " + h.signature();
      if (!h.inaccessibleTypes().isEmpty()) {
        report.error(h.element(), Diagnostics.inaccessibleType(what, h.inaccessibleTypes()));
      }
      // The message record of a request declares the class's and the method's type variables side
      // by side, so a method variable may not reuse a class variable's name.
      if (h.kind().isRequest()) {
        for (TypeParameterElement p : h.typeParameters()) {
          if (ServerShapeValidator.hidesClassVariable(server, p)) {
            report.error(h.element(), Diagnostics.typeVariableShadow(what, p.getSimpleName().toString()));
          }
        }
      }
    }
  }
}
