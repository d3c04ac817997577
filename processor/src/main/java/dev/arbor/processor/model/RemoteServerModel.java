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
 */
public record RemoteServerModel(ServerModel server, List<Unannotated> unannotated) {
  public RemoteServerModel {
    unannotated = List.copyOf(unannotated);
  }

  /** An abstract method without {@code @Call} or {@code @Cast}, and how messages show it. */
  public record Unannotated(ExecutableElement element, String signature) {}
}
