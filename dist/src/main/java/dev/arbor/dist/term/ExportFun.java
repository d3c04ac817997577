package dev.arbor.dist.term;

import java.util.Objects;

/**
 * An external fun, {@code fun Module:Function/Arity}: a name, so it travels exactly; Java cannot
 * call it.
 *
 * @param module the module
 * @param function the function
 * @param arity the number of arguments, 0 to 255
 */
public record ExportFun(Atom module, Atom function, int arity) {
  /** Checks the arity range. */
  public ExportFun {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(function, "function");
    if (arity < 0 || arity > 255) {
      throw new IllegalArgumentException("fun arity must be 0..255, got " + arity);
    }
  }

  @Override
  public String toString() {
    return "fun " + module + ":" + function + "/" + arity;
  }
}
