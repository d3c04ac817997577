package dev.arbor.sample.session;

import dev.arbor.annotation.Call;
import dev.arbor.annotation.GenServer;
import java.util.ArrayList;
import java.util.List;

/**
 * One user's session: who they are and what is in their cart. It shows "let it crash": a coupon code
 * the desk does not know is a bug upstream, not a business error, so {@link #applyCoupon} throws an
 * unchecked exception, the session crashes with a crash report, and its supervisor starts a fresh one
 * under the same name (with an empty cart, as a fresh session has).
 */
@GenServer
public final class Session {
  private final String userId;
  private final List<String> cart = new ArrayList<>();
  private int discountPercent;

  /** A session for {@code userId}, with an empty cart. */
  public Session(String userId) {
    this.userId = userId;
  }

  /** The session's user. */
  @Call
  public String userId() {
    return userId;
  }

  /** Adds {@code item} to the cart; returns the cart now. */
  @Call
  public List<String> addToCart(String item) {
    cart.add(item);
    return List.copyOf(cart);
  }

  /** What is in the cart. */
  @Call
  public List<String> cart() {
    return List.copyOf(cart);
  }

  /** Applies a known coupon and returns the discount; an unknown code crashes the session. */
  @Call
  public int applyCoupon(String code) {
    discountPercent = switch (code) {
      case "WELCOME10" -> 10;
      case "FRIENDS20" -> 20;
      default -> throw new IllegalArgumentException("unknown coupon " + code + " for " + userId);
    };
    return discountPercent;
  }
}
