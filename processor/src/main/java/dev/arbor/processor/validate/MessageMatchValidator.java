package dev.arbor.processor.validate;

import dev.arbor.processor.model.HandlerKind;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.MessageMatch;
import dev.arbor.processor.model.ServerModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules for {@code @Info} and {@code @Continue}, which the runtime picks by the type of their one
 * parameter: exactly one parameter, of a type {@code instanceof} can test, and one handler per type.
 */
final class MessageMatchValidator implements Validator {

  @Override
  public void validate(ServerModel server, List<HandlerModel> handlers, ValidationReport report) {
    for (HandlerKind kind : List.of(HandlerKind.INFO, HandlerKind.CONTINUE)) {
      Map<String, HandlerModel> byType = new HashMap<>();
      for (HandlerModel h : handlers) {
        if (h.kind() != kind) {
          continue;
        }
        if (h.parameters().size() != 1) {
          report.error(h.element(), Diagnostics.matchParameterCount(kind, h.signature(), h.parameters().size()));
          continue;
        }
        MessageMatch match = h.match().orElseThrow();
        if (!match.reifiable()) {
          report.error(h.element(),
              Diagnostics.matchNotReifiable(kind, h.signature(), h.parameters().get(0).type().toString()));
          continue;
        }
        HandlerModel earlier = byType.putIfAbsent(match.key(), h);
        if (earlier != null) {
          report.error(h.element(), Diagnostics.duplicateMatch(kind, h.signature(), match.key(), earlier.signature()));
        }
      }
    }
  }
}
