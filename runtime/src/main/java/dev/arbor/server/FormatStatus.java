package dev.arbor.server;

/**
 * Implemented by a {@code @GenServer} class to choose how its state appears in crash reports and in
 * {@link Server#getStatus} (OTP's {@code format_status}), so that secrets stay out of logs. Without
 * it, reports show a description of the state's fields that the processor generates ({@link
 * StateFields}), with {@link dev.arbor.annotation.Redacted @Redacted} fields hidden.
 *
 * <pre>{@code
 * @GenServer
 * final class Vault implements FormatStatus {
 *   private final Map<String, String> secrets = new HashMap<>();
 *
 *   @Override
 *   public Object formatStatus() {
 *     return "Vault(" + secrets.size() + " secrets)";
 *   }
 * }
 * }</pre>
 *
 * <p>It runs in the server's own process (while reporting a crash, or when asked for its status), so
 * it may read the state freely; if it throws, the report says so instead of showing the state.
 */
@FunctionalInterface
public interface FormatStatus {
  /** What reports and {@link Server#getStatus} show in place of this state. */
  Object formatStatus();
}
