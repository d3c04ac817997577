package dev.arbor.processor.validate;

import dev.arbor.processor.model.HandlerKind;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.ParameterModel;
import dev.arbor.processor.model.ReplyUse;
import dev.arbor.processor.model.ServerModel;
import java.util.List;

/** Rules for {@code @Call} and {@code @Cast}: what they return and how they take a deferred Reply. */
final class RequestValidator implements Validator {

  @Override
  public void validate(ServerModel server, List<HandlerModel> handlers, ValidationReport report) {
    for (HandlerModel h : handlers) {
      if (h.kind() == HandlerKind.CAST && !h.returnsVoid()) {
        report.error(h.element(), Diagnostics.castReturn(h.returnType().toString()));
      }
      List<ParameterModel> replies = h.parameters().stream().filter(ParameterModel::isReply).toList();
      if (replies.isEmpty()) {
        continue;
      }
      if (h.kind() != HandlerKind.CALL) {
        if (h.kind() == HandlerKind.CAST) {
          report.error(h.element(), Diagnostics.replyNotInCall(h.kind(), h.signature()));
        }
        continue;
      }
      if (!h.returnsVoid()) {
        report.error(h.element(), Diagnostics.replyReturn(h.signature(), h.returnType().toString()));
      }
      List<ParameterModel> parameters = h.parameters();
      if (replies.size() > 1 || !parameters.get(parameters.size() - 1).isReply()) {
        report.error(h.element(), Diagnostics.replyNotLast(h.signature()));
      }
      for (ParameterModel reply : replies) {
        if (reply.reply() == ReplyUse.RAW || reply.reply() == ReplyUse.WILDCARD) {
          report.error(h.element(), Diagnostics.replyWithoutType(h.signature(), reply.type().toString()));
        }
      }
    }
  }
}
