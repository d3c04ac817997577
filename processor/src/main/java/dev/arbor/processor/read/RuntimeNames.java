package dev.arbor.processor.read;

/**
 * Qualified names of the runtime types the reader looks for. The processor never loads a runtime
 * class: it runs on the compiler's processor path, where the runtime need not be.
 */
public final class RuntimeNames {
  private RuntimeNames() {}

  public static final String GEN_SERVER = "dev.arbor.annotation.GenServer";
  public static final String REMOTE_SERVER = "dev.arbor.annotation.RemoteServer";
  public static final String GENERATED = "javax.annotation.processing.Generated";
  public static final String REDACTED = "dev.arbor.annotation.Redacted";
  public static final String REPLY = "dev.arbor.server.Reply";
  public static final String EXIT_REASON = "dev.arbor.ExitReason";
}
