package dev.arbor.processor.validate;

import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.ParameterModel;
import dev.arbor.processor.model.RemoteHandler;
import dev.arbor.processor.model.RemoteModel;
import dev.arbor.processor.model.ServerModel;
import dev.arbor.processor.model.TermShape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules for {@code @GenServer(remote = true)}: every request parameter and reply has an Erlang term
 * form, each request has its own atom and arity among the calls (and among the casts), and the
 * server is not generic (the mapping builds its messages, which need concrete types). A server that
 * is not remote sets no {@code atom}: it would have no effect.
 */
final class RemoteValidator implements Validator {

  @Override
  public void validate(ServerModel server, List<HandlerModel> handlers, ValidationReport report) {
    if (server.remote().isEmpty()) {
      for (HandlerModel h : handlers) {
        h.annotation().atom().ifPresent(atom -> report.error(h.element(), h.annotation().mirror(), atom,
            Diagnostics.atomNotRemote(h.kind(), h.signature(), String.valueOf(atom.getValue()), server.displayName())));
      }
      return;
    }
    RemoteModel remote = server.remote().get();
    if (!server.typeParameters().isEmpty()) {
      report.error(server.element(), server.annotation(), Diagnostics.remoteGeneric(server.displayName()));
    }
    validateRequests(Diagnostics.REMOTE_GEN_SERVER, remote, report);
  }

  /**
   * The rules a {@code @RemoteServer} shares: term forms for every parameter and reply, and one
   * request per atom and arity among the calls (and among the casts).
   *
   * @param context how messages name the type: {@link Diagnostics#REMOTE_GEN_SERVER} or {@link
   *     Diagnostics#REMOTE_SERVER}
   */
  static void validateRequests(String context, RemoteModel remote, ValidationReport report) {
    Map<String, RemoteHandler> seen = new HashMap<>();
    for (RemoteHandler r : remote.requests()) {
      HandlerModel h = r.handler();
      List<ParameterModel> parameters = h.clientParameters();
      for (int i = 0; i < parameters.size(); i++) {
        ParameterModel p = parameters.get(i);
        r.arguments().get(i).unmappable().ifPresent(u -> report.error(p.element(),
            Diagnostics.remoteType(context, "parameter " + p.name() + " of " + h.signature(), p.type().toString(), u.found(),
                u.why())));
      }
      r.reply().flatMap(TermShape::unmappable).ifPresent(u -> report.error(h.element(),
          Diagnostics.remoteType(context, "the reply of " + h.signature(), replyType(h), u.found(), u.why())));
      String key = h.kind() + " " + r.display();
      RemoteHandler earlier = seen.putIfAbsent(key, r);
      if (earlier != null) {
        report.error(h.element(), Diagnostics.remoteClash(h.kind(), r.display(), h.signature(),
            earlier.handler().signature()));
      }
    }
  }

  private static String replyType(HandlerModel h) {
    return h.replyParameter().flatMap(ParameterModel::replyValue).map(Object::toString)
        .orElse(h.returnType().toString());
  }
}
