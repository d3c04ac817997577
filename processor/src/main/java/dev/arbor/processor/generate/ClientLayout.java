package dev.arbor.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.ParameterModel;
import dev.arbor.processor.model.ServerKind;
import dev.arbor.processor.model.ServerModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.ExecutableElement;

/**
 * Every name in one generated client, chosen before anything is written: the client, its nested
 * types, the message records and their components, and the private helpers. Names the user's code
 * needs (types in handler signatures, the handlers themselves) always win; generated names step
 * aside with {@link NameAllocator}.
 */
record ClientLayout(
    ServerModel server,
    ClassName client,
    ClassName serverClass,
    List<TypeVariableName> typeVariables,
    TypeName serverType,
    TypeName clientType,
    ClassName message,
    TypeName messageType,
    ClassName dispatch,
    TypeName dispatchType,
    String typeAccessor,
    Map<ExecutableElement, MessageRecord> records) {

  private static final List<String> BOXES =
      List.of("Boolean", "Byte", "Short", "Integer", "Long", "Character", "Float", "Double", "Void");

  /** Names a record component may not have (JLS 8.10.1): they would override Object's methods. */
  private static final List<String> FORBIDDEN_COMPONENTS =
      List.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

  private static final List<String> DISPATCHER_METHODS =
      List.of("dispatch", "info", "handleContinue", "init", "terminate", "equals", "hashCode", "toString", "getClass",
          "notify", "notifyAll", "wait", "clone", "finalize");

  static ClientLayout of(ServerModel server) {
    String pkg = server.packageName();
    List<String> names = server.simpleNames();
    ClassName serverClass = ClassName.get(pkg, names.get(0), names.subList(1, names.size()).toArray(String[]::new));
    ClassName client = ClassName.get(pkg, server.options().clientName());
    List<TypeVariableName> typeVariables = server.typeParameters().stream().map(TypeVariableName::get).toList();
    List<TypeName> arguments = MessageRecord.names(typeVariables);

    // Nested types must not shadow any simple name the file mentions.
    NameAllocator typeNames = new NameAllocator();
    Set<String> taken = new TreeSet<>(server.referencedSimpleNames());
    RuntimeTypes.ALL.forEach(c -> taken.add(c.simpleName()));
    taken.addAll(BOXES);
    taken.add(client.simpleName());
    typeVariables.forEach(v -> taken.add(v.name()));
    taken.forEach(n -> typeNames.newName(n, "taken:" + n));
    ClassName message = client.nestedClass(typeNames.newName("Message", "Message"));
    ClassName dispatch = client.nestedClass(typeNames.newName("Dispatch", "Dispatch"));

    // The accessor for a generic server's type must not take a handler's (or the client's) name.
    NameAllocator members = new NameAllocator();
    List.of("start", "startLink", "childSpec", "of", "pid", "withTimeout", "stop", "toString")
        .forEach(n -> members.newName(n, "taken:" + n));
    for (HandlerModel h : server.requests()) {
      members.newName(h.name(), new Object());
      members.newName(h.name() + "Async", new Object());
    }
    String typeAccessor = members.newName("type", "type");

    NameAllocator helpers = new NameAllocator();
    DISPATCHER_METHODS.forEach(n -> helpers.newName(n, "taken:" + n));

    Map<ExecutableElement, MessageRecord> records = new LinkedHashMap<>();
    Map<String, Integer> overloads = new HashMap<>();
    server.requests().forEach(h -> overloads.merge(h.name(), 1, Integer::sum));
    for (HandlerModel h : server.requests()) {
      String recordName = typeNames.newName(recordName(h, overloads.get(h.name()) > 1), new Object());
      List<TypeVariableName> methodVariables = h.typeParameters().stream().map(TypeVariableName::get).toList();
      String helper = methodVariables.isEmpty() ? "" : helpers.newName(h.name(), new Object());
      records.put(h.element(), new MessageRecord(h, message.nestedClass(recordName), componentNames(h),
          typeVariables, methodVariables, helper));
    }

    boolean generic = !typeVariables.isEmpty();
    return new ClientLayout(
        server,
        client,
        serverClass,
        typeVariables,
        generic ? ParameterizedTypeName.get(serverClass, arguments.toArray(TypeName[]::new)) : serverClass,
        generic ? ParameterizedTypeName.get(client, arguments.toArray(TypeName[]::new)) : client,
        message,
        generic ? ParameterizedTypeName.get(message, arguments.toArray(TypeName[]::new)) : message,
        dispatch,
        generic ? ParameterizedTypeName.get(dispatch, arguments.toArray(TypeName[]::new)) : dispatch,
        typeAccessor,
        records);
  }

  /** Whether the client implements a {@code @RemoteServer} interface rather than serving a {@code @GenServer}. */
  boolean describesRemoteServer() {
    return server.kind() == ServerKind.INTERFACE;
  }

  boolean isGeneric() {
    return !typeVariables.isEmpty();
  }

  List<TypeName> typeArguments() {
    return MessageRecord.names(typeVariables);
  }

  MessageRecord record(HandlerModel handler) {
    return records.get(handler.element());
  }

  /**
   * The expression for this server's {@code ServerType} inside a static method whose parameters are
   * {@code parameterNames}: the field, qualified if a parameter hides it, or for a generic server
   * the typed accessor.
   */
  CodeBlock serverTypeIn(Collection<String> parameterNames) {
    if (isGeneric()) {
      return CodeBlock.of("$T.<$L>$L()", client, joinedArguments(), typeAccessor);
    }
    return parameterNames.contains("TYPE") ? CodeBlock.of("$T.TYPE", client) : CodeBlock.of("TYPE");
  }

  /** The {@code ref} field, qualified if a parameter of the method hides it. */
  static String refIn(Collection<String> parameterNames) {
    return parameterNames.contains("ref") ? "this.ref" : "ref";
  }

  /** {@code K, V}: the class's type variables as arguments. */
  CodeBlock joinedArguments() {
    return typeArguments().stream().map(t -> CodeBlock.of("$T", t)).collect(CodeBlock.joining(", "));
  }

  /** {@code Get} for {@code get()}; overloads add their parameter types: {@code AddInt}, {@code AddStringArray}. */
  private static String recordName(HandlerModel h, boolean overloaded) {
    StringBuilder name = new StringBuilder(capitalize(h.name()));
    if (overloaded) {
      for (ParameterModel p : h.clientParameters()) {
        String erasure = p.erasure();
        String simple = erasure.substring(erasure.lastIndexOf('.') + 1).replace("[]", "Array");
        name.append(capitalize(simple));
      }
    }
    return name.toString();
  }

  private static List<String> componentNames(HandlerModel h) {
    NameAllocator names = new NameAllocator();
    FORBIDDEN_COMPONENTS.forEach(n -> names.newName(n, "taken:" + n));
    List<String> result = new ArrayList<>();
    for (ParameterModel p : h.clientParameters()) {
      result.add(names.newName(p.name(), new Object()));
    }
    return result;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
