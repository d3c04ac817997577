package dev.arbor.processor.read;

import dev.arbor.processor.model.HandlerKind;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.ParameterModel;
import dev.arbor.processor.model.RemoteHandler;
import dev.arbor.processor.model.RemoteModel;
import dev.arbor.processor.model.TermShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Reads a {@code @GenServer(remote = true)} server's handlers as Erlang terms. */
final class RemoteReader {
  private final TermShapeReader shapes = new TermShapeReader();

  RemoteModel read(List<HandlerModel> handlers) {
    List<RemoteHandler> requests = new ArrayList<>();
    List<RemoteHandler> infos = new ArrayList<>();
    for (HandlerModel h : handlers) {
      if (h.annotations().size() != 1) {
        continue; // reported as such; nothing to map
      }
      if (h.kind().isRequest()) {
        Optional<AnnotationValue> written = h.annotation().atom();
        String atom = written.map(v -> String.valueOf(v.getValue())).filter(s -> !s.isEmpty())
            .orElse(RemoteModel.snakeCase(h.name()));
        List<TermShape> arguments = h.clientParameters().stream().map(p -> shapes.read(p.type())).toList();
        requests.add(new RemoteHandler(h, atom, written, arguments, reply(h)));
      } else if (h.kind() == HandlerKind.INFO && h.parameters().size() == 1) {
        infos.add(new RemoteHandler(h, "", Optional.empty(), List.of(shapes.read(h.parameters().get(0).type())),
            Optional.empty()));
      }
    }
    return new RemoteModel(requests, infos);
  }

  /** A call's reply: its return type, or the {@code T} of its {@code Reply<T>}; {@code ok} for none. */
  private Optional<TermShape> reply(HandlerModel h) {
    if (h.kind() != HandlerKind.CALL) {
      return Optional.empty();
    }
    Optional<TypeMirror> deferred = h.replyParameter().flatMap(ParameterModel::replyValue);
    if (deferred.isPresent()) {
      return Optional.of(shapes.read(deferred.get()));
    }
    TypeMirror returned = h.returnType();
    return Optional.of(returned.getKind() == TypeKind.VOID ? new TermShape.Fixed("OK") : shapes.read(returned));
  }
}
