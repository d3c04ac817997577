package dev.arbor.processor.validate;

import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.ServerModel;
import java.util.List;

/** One family of rules. */
interface Validator {
  /**
   * Adds the problems of {@code server} to {@code report}.
   *
   * @param handlers the server's handlers that carry exactly one handler annotation; a method with
   *     several is reported once for that and not judged further
   */
  void validate(ServerModel server, List<HandlerModel> handlers, ValidationReport report);
}
