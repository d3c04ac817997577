package dev.arbor.processor.validate;

import dev.arbor.processor.model.HandlerKind;
import java.util.List;

/**
 * Every message the processor prints. Each starts with a stable tag in brackets and is one
 * sentence: the rule, what was found, and the fix. Tags never change once released, so tests,
 * documentation and users' searches can rely on them.
 */
public final class Diagnostics {
  private Diagnostics() {}

  // The type carrying @GenServer.

  public static String serverKind(String name, String found) {
    return "[ArborServerKind] @GenServer must annotate a class or a record; found " + found + " " + name
        + ". Move @GenServer to the class that holds the server's state.";
  }

  public static String abstractServer(String name) {
    return "[ArborAbstractServer] a @GenServer class must not be abstract, because the runtime creates it with new; found"
        + " abstract class " + name + ". Remove abstract, or annotate a concrete subclass instead.";
  }

  public static String privateServer(String name, String hiddenBy, boolean itself) {
    String found = itself ? "private class " + name : name + " inside private class " + hiddenBy;
    return "[ArborPrivateServer] a @GenServer class must be visible to its generated client in the same package; found "
        + found + ". Make it package-private or public.";
  }

  public static String innerServer(String name) {
    return "[ArborInnerServer] a nested @GenServer class must be static, because the runtime has no enclosing instance"
        + " to create it with; found inner class " + name + ". Declare it static.";
  }

  public static String noConstructor(String name) {
    return "[ArborNoConstructor] a @GenServer class needs a constructor its client can call; found only private"
        + " constructors in " + name + ". Add a non-private constructor: its parameters become the start arguments.";
  }

  /** @param suggestion the name the client gets when {@code clientName} is left out */
  public static String clientName(String found, String suggestion) {
    return "[ArborClientName] clientName must be a Java class name that differs from the server's own; found \""
        + found + "\". Choose another name, such as \"" + suggestion + "\".";
  }

  /**
   * @param generatedFor the server whose client already has that name, with its annotation ({@code
   *     @RemoteServer test.Stack}), or null for a type of the user's
   * @param remoteServer whether the client is a {@code @RemoteServer}'s, which takes its name from
   *     the interface alone
   */
  public static String clientExists(String client, String packageName, String generatedFor, boolean remoteServer) {
    String where = packageName.isEmpty() ? "" : " in " + packageName;
    return "[ArborClientExists] the client's name must be free in its package; found "
        + (generatedFor == null ? "an existing type " + client + where
            : client + where + ", the client generated for " + generatedFor)
        + (remoteServer ? ". Rename the @RemoteServer interface, whose client is named after it, or the other type."
            : ". Set @GenServer(clientName = \"...\") to another name.");
  }

  public static String callTimeout(long found) {
    return "[ArborCallTimeout] defaultCallTimeoutMillis must be positive; found " + found
        + ". Use a positive number of milliseconds.";
  }

  public static String inaccessibleBound(String name, List<String> types) {
    return "[ArborInaccessibleType] the generated client must be able to name every type in the type parameters of "
        + name + "; found " + names(types) + ". Make " + (types.size() == 1 ? "it" : "them") + " package-private or public.";
  }

  // Constructors.

  public static String constructorClash(String generated, String constructor, String earlier) {
    return "[ArborConstructorClash] each constructor must give the client distinct start methods; found " + generated
        + " from both " + earlier + " and " + constructor + ". Remove or change one of the constructors.";
  }

  // Handlers: shape.

  public static String handlerAnnotations(String method, List<HandlerKind> kinds) {
    return "[ArborHandlerAnnotations] a method can be only one kind of handler; found "
        + String.join(" and ", kinds.stream().map(HandlerKind::display).toList()) + " on " + method + ". Keep one of them.";
  }

  public static String privateHandler(HandlerKind kind, String method) {
    return "[ArborPrivateHandler] " + kind.display() + " methods must not be private, because the generated dispatcher"
        + " calls them; found private " + method + ". Make it package-private or public.";
  }

  public static String staticHandler(HandlerKind kind, String method) {
    return "[ArborStaticHandler] " + kind.display() + " methods must be instance methods, because they work on the"
        + " server's state; found static " + method + ". Remove static.";
  }

  public static String inaccessibleType(String what, List<String> types) {
    return "[ArborInaccessibleType] the generated client, in the server's package, must be able to name every type in "
        + what + "; found " + names(types) + ". Make " + (types.size() == 1 ? "it" : "them") + " package-private or public.";
  }

  public static String typeVariableShadow(String what, String variable) {
    return "[ArborTypeVariableShadow] type variables of handlers and constructors must not hide the class's own; found <"
        + variable + "> on " + what + ". Rename it.";
  }

  public static String orphanHandler(HandlerKind kind, String method, String enclosing) {
    return "[ArborOrphanHandler] " + kind.display() + " methods must be in a @GenServer class; found " + method + " in "
        + enclosing + ". Annotate " + enclosing + " with @GenServer, or remove " + kind.display() + ".";
  }

  // @Call and @Cast.

  public static String castReturn(String found) {
    return "[ArborCastReturn] @Cast methods must return void; found " + found + ". Use @Call to reply.";
  }

  public static String replyReturn(String method, String found) {
    return "[ArborReplyReturn] a @Call method that takes a Reply must return void, since the Reply carries the answer;"
        + " found " + found + " on " + method + ". Return void, or drop the Reply and return the value.";
  }

  public static String replyNotLast(String method) {
    return "[ArborReplyParameter] a Reply must be the last parameter of a @Call method; found it before other parameters"
        + " in " + method + ". Move it to the end.";
  }

  public static String replyWithoutType(String method, String found) {
    return "[ArborReplyParameter] a Reply parameter must name the reply's type, which the client method returns; found "
        + found + " in " + method + ". Write Reply<T> with a type, such as Reply<String>.";
  }

  public static String replyNotInCall(HandlerKind kind, String method) {
    return "[ArborReplyParameter] only @Call methods can take a Reply, since only calls are answered; found one in "
        + kind.display() + " " + method + ". Use @Call, or remove the Reply.";
  }

  // @Info and @Continue: matched by the type of their one parameter.

  public static String matchParameterCount(HandlerKind kind, String method, int found) {
    return "[Arbor" + tagPart(kind) + "Parameter] " + kind.display() + " methods take exactly one parameter, the "
        + noun(kind) + "; found " + found + " in " + method + ". Declare one parameter of the type to handle.";
  }

  public static String matchNotReifiable(HandlerKind kind, String method, String found) {
    return "[Arbor" + tagPart(kind) + "Type] " + kind.display() + " parameter types must be reifiable, so that a "
        + noun(kind) + " can be matched with instanceof; found " + found + " in " + method
        + ". Use a wildcard type such as List<?>, or wrap the value in a record.";
  }

  public static String duplicateMatch(HandlerKind kind, String method, String type, String earlier) {
    return "[ArborDuplicate" + tagPart(kind) + "] each type can have only one " + kind.display() + " method; found " + type
        + " taken by both " + earlier + " and " + method + ". Merge them into one method.";
  }

  // @Init and @Terminate.

  public static String initParameters(String method, int found) {
    return "[ArborInitParameters] @Init methods take no parameters; found " + found + " in " + method
        + ". Pass start arguments through the constructor.";
  }

  public static String terminateParameters(String method) {
    return "[ArborTerminateParameters] @Terminate methods take no parameter or one ExitReason; found " + method
        + ". Declare it as terminate() or terminate(ExitReason reason).";
  }

  public static String duplicateLifecycle(HandlerKind kind, String method, String earlier) {
    return "[ArborDuplicate" + tagPart(kind) + "] a server has at most one " + kind.display() + " method; found " + method
        + " after " + earlier + ". Merge them into one method.";
  }

  // Client methods that would clash.

  public static String reservedName(HandlerKind kind, String method) {
    return "[ArborReservedName] handler names must differ from the client's own methods (start, startLink, childSpec,"
        + " of, pid, withTimeout, stop); found " + kind.display() + " " + method + ". Rename it.";
  }

  public static String objectMethod(HandlerKind kind, String method, String objectMethod) {
    return "[ArborObjectMethod] a client method must not clash with Object's methods; found " + kind.display() + " "
        + method + ", which would clash with Object." + objectMethod + ". Rename it.";
  }

  public static String methodClash(String generated, HandlerKind kind, String method, HandlerKind earlierKind,
      String earlier) {
    return "[ArborMethodClash] each handler must give the client distinct methods; found " + generated + " from both "
        + earlierKind.display() + " " + earlier + " and " + kind.display() + " " + method + ". Rename one of them.";
  }

  // Rounds and failures.

  // @GenServer(remote = true) and @RemoteServer.

  /** How the remote rules name the type they apply to: a remote GenServer, or a {@code @RemoteServer}. */
  public static final String REMOTE_GEN_SERVER = "a @GenServer(remote = true) class";
  public static final String REMOTE_SERVER = "a @RemoteServer interface";

  /**
   * @param context {@link #REMOTE_GEN_SERVER} or {@link #REMOTE_SERVER}
   * @param where {@code parameter amount of incrementBy(float)} or {@code the reply of get()}
   * @param part the part of {@code type} that has no term form (the type itself, or an element or component of it)
   */
  public static String remoteType(String context, String where, String type, String part, String why) {
    return "[ArborRemoteType] in " + context + " every request parameter and reply needs an Erlang"
        + " term form; found " + type + " as " + where + (part.equals(type) ? "" : ", whose " + part + " has none")
        + ": " + why + ".";
  }

  public static String atomNotRemote(HandlerKind kind, String method, String atom, String server) {
    return "[ArborAtomNotRemote] atom names a request in Erlang and has no effect elsewhere, so only a"
        + " @GenServer(remote = true) class may set it; found " + kind.display() + "(atom = \"" + atom + "\") on "
        + method + " in " + server + ", which is not remote. Remove atom, or declare @GenServer(remote = true).";
  }

  public static String remoteClash(HandlerKind kind, String request, String method, String earlier) {
    return "[ArborRemoteClash] each remote " + kind.display() + " needs its own atom and arity; found " + request
        + " for both " + earlier + " and " + method + ". Set " + kind.display() + "(atom = \"...\") on one of them.";
  }

  public static String remoteGeneric(String name) {
    return "[ArborRemoteGeneric] a @GenServer(remote = true) class must not be generic, because its messages are built"
        + " from terms of fixed types; found " + name + " with type parameters. Remove them, or drop remote = true.";
  }

  /** @param found {@code interface Stack} or {@code method <T>push(T)} */
  public static String remoteServerGeneric(String found) {
    return "[ArborRemoteGeneric] a @RemoteServer interface must not be generic, because its requests and replies are"
        + " terms of fixed types; found " + found + " with type parameters. Use concrete types.";
  }

  public static String remoteServerKind(String name, String found) {
    return "[ArborRemoteServerKind] @RemoteServer must annotate an interface that is not sealed, which its generated"
        + " client implements; found " + found + " " + name + ". Declare the remote server's requests in an interface"
        + " that is not sealed.";
  }

  public static String privateRemoteServer(String name, String hiddenBy, boolean itself) {
    String found = itself ? "private interface " + name : name + " inside private class " + hiddenBy;
    return "[ArborPrivateServer] a @RemoteServer interface must be visible to its generated client in the same"
        + " package; found " + found + ". Make it package-private or public.";
  }

  /** @param found {@code no annotation} or {@code @Info} */
  public static String remoteServerMethod(String method, String found) {
    return "[ArborRemoteServerMethod] every abstract method of a @RemoteServer interface must be a @Call or a @Cast,"
        + " because its client sends each one as a request; found " + found + " on " + method
        + ". Annotate it @Call or @Cast, or make it a default method.";
  }

  public static String remoteServerBody(String method, String annotation) {
    return "[ArborRemoteServerBody] in a @RemoteServer interface only abstract methods are requests, because the client"
        + " implements those alone; found " + annotation + " on " + method + ", which has a body. Remove " + annotation
        + ", or the body.";
  }

  /** @param remoteServer whether the type is a {@code @RemoteServer} interface rather than a {@code @GenServer} */
  public static String release(boolean remoteServer, javax.lang.model.SourceVersion found) {
    return "[ArborRelease] " + (remoteServer
            ? REMOTE_SERVER + " must be compiled for Java 21 or newer, as its generated client runs on Arbor's"
                + " runtime, which needs Java 21"
            : "a @GenServer class must be compiled for Java 21 or newer, as its generated client uses pattern matching"
                + " in switch")
        + "; found release " + found.name().substring("RELEASE_".length()) + ". Compile with --release 21 or newer.";
  }

  public static String internalError(String server, Throwable failure) {
    return "[ArborInternalError] the Arbor processor must never fail; found " + failure + " while processing " + server
        + ". This is a bug in Arbor: please report it with this message and the class that triggered it.\n"
        + processorFrames(failure);
  }

  /** The stack trace down to where javac called the processor; javac's own frames add nothing. */
  private static String processorFrames(Throwable failure) {
    StringBuilder trace = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      trace.append(t == failure ? "" : "Caused by: ").append(t).append('\n');
      for (StackTraceElement frame : t.getStackTrace()) {
        if ("jdk.compiler".equals(frame.getModuleName())) {
          break;
        }
        trace.append("\tat ").append(frame).append('\n');
      }
    }
    return trace.toString();
  }

  private static String tagPart(HandlerKind kind) {
    return switch (kind) {
      case CALL -> "Call";
      case CAST -> "Cast";
      case INFO -> "Info";
      case INIT -> "Init";
      case CONTINUE -> "Continue";
      case TERMINATE -> "Terminate";
    };
  }

  private static String noun(HandlerKind kind) {
    return kind == HandlerKind.CONTINUE ? "continue value" : "message";
  }

  private static String names(List<String> types) {
    return String.join(", ", types);
  }
}
