package dev.arbor.processor.generate;

import com.palantir.javapoet.ClassName;

/** The runtime and JDK types generated code names, spelled out so the processor never loads them. */
final class RuntimeTypes {
  private RuntimeTypes() {}

  static final ClassName SERVER_REF = ClassName.get("dev.arbor.server", "ServerRef");
  static final ClassName REMOTE_SERVER_REF = ClassName.get("dev.arbor.server", "RemoteServerRef");
  static final ClassName SERVER_TYPE = ClassName.get("dev.arbor.server", "ServerType");
  static final ClassName DISPATCHER = ClassName.get("dev.arbor.server", "Dispatcher");
  static final ClassName CALL_CONTEXT = ClassName.get("dev.arbor.server", "CallContext");
  static final ClassName START_OPTIONS = ClassName.get("dev.arbor.server", "StartOptions");
  static final ClassName CHILD_SPEC = ClassName.get("dev.arbor.supervisor", "ChildSpec");
  static final ClassName STATE_FIELDS = ClassName.get("dev.arbor.server", "StateFields");
  static final ClassName SERVER_TERMS = ClassName.get("dev.arbor.mapping", "ServerTerms");
  static final ClassName TERM_TYPE = ClassName.get("dev.arbor.mapping", "TermType");
  static final ClassName METHOD_HANDLES = ClassName.get("java.lang.invoke", "MethodHandles");
  static final ClassName PID = ClassName.get("dev.arbor", "Pid");
  static final ClassName NAME = ClassName.get("dev.arbor", "Name");
  static final ClassName EXIT_REASON = ClassName.get("dev.arbor", "ExitReason");
  static final ClassName DURATION = ClassName.get("java.time", "Duration");
  static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName OVERRIDE = ClassName.get("java.lang", "Override");
  static final ClassName DEPRECATED = ClassName.get("java.lang", "Deprecated");
  static final ClassName SUPPRESS_WARNINGS = ClassName.get("java.lang", "SuppressWarnings");
  static final ClassName SAFE_VARARGS = ClassName.get("java.lang", "SafeVarargs");
  static final ClassName OBJECT = ClassName.get("java.lang", "Object");
  static final ClassName THROWABLE = ClassName.get("java.lang", "Throwable");
  static final ClassName STRING = ClassName.get("java.lang", "String");
  static final ClassName ILLEGAL_STATE = ClassName.get("java.lang", "IllegalStateException");

  /** Every simple name above: the client's nested types must not shadow any of them. */
  static final java.util.List<ClassName> ALL = java.util.List.of(SERVER_REF, SERVER_TYPE, DISPATCHER, CALL_CONTEXT,
      START_OPTIONS, CHILD_SPEC, PID, NAME, EXIT_REASON, DURATION, COMPLETABLE_FUTURE, GENERATED, OVERRIDE, DEPRECATED,
      SUPPRESS_WARNINGS, SAFE_VARARGS, OBJECT, THROWABLE, STRING, ILLEGAL_STATE, STATE_FIELDS, METHOD_HANDLES, SERVER_TERMS,
      TERM_TYPE, REMOTE_SERVER_REF);
}
