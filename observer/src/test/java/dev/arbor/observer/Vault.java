package dev.arbor.observer;

import dev.arbor.annotation.Call;
import dev.arbor.annotation.GenServer;
import dev.arbor.server.FormatStatus;

/** A test server holding a secret that its {@link FormatStatus} keeps out of every view. */
@GenServer
public final class Vault implements FormatStatus {
  private final String secret;

  public Vault(String secret) {
    this.secret = secret;
  }

  @Call
  public int secretLength() {
    return secret.length();
  }

  @Override
  public Object formatStatus() {
    return "Vault(secret redacted, " + secret.length() + " characters)";
  }
}
