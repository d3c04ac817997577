package dev.arbor.dist.genserver;

import dev.arbor.Pid;
import dev.arbor.Ref;

/**
 * The aliases of calls that wait for a reply (OTP 24's {@code alias/0}, kept by the node): a
 * message a peer sends to an active alias reaches its owner; one sent to an alias no longer active
 * is dropped, which is how a reply that comes after its call gave up never reaches the caller.
 */
public interface CallAliases {
  /** Messages to {@code alias} reach {@code owner} from now on. */
  void activate(Ref alias, Pid owner);

  /** Messages to {@code alias} are dropped from now on. */
  void deactivate(Ref alias);
}
