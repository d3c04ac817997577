package dev.arbor.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One {@code @RemoteServer} type as read from source, valid or not: a description of a {@code
 * gen_server} on another node, whose generated client implements it.
 *
 * @param server the type in the shape the client generators take: its requests as handlers, their
 *     terms in {@link ServerModel#remote()}, no constructors
 * @param unannotated its abstract methods that carry no handler annotation, in source order
 * @param annotatedWithBody its default, static and private methods that carry a handler annotation,
 *     which no request reaches
 */
public record RemoteServerModel(ServerModel server, List<Method> unannotated, List<Method> annotatedWithBody) {
  public RemoteServerModel {
    unannotated = List.copyOf(unannotated);
    annotatedWithBody = List.copyOf(annotatedWithBody);
  }

  /**
   * A method that is not a request, how messages show it, and its first handler annotation if any.
   *
   * @param annotation the annotation's display, such as {@code @Call}, or empty
   */
  public record Method(ExecutableElement element, String signature, String annotation) {}
}
