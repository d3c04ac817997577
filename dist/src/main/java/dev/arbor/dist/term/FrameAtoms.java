package dev.arbor.dist.term;

import java.util.Arrays;

/**
 * The atoms one frame's terms refer to through its distribution header, in the order they were
 * first met. An encoder given a {@code FrameAtoms} writes each atom as a one-byte reference into
 * this table ({@code ATOM_CACHE_REF}), and the header then names each table entry once, by a slot
 * of the connection's atom cache or, the first time, by its text. A frame refers to at most {@value
 * #MAX} atoms this way (the header counts them in a byte); any further atom is written in full.
 * Not thread-safe: one per frame.
 */
public final class FrameAtoms {
  /** The most atoms one header can name. */
  public static final int MAX = 255;

  private Atom[] atoms = new Atom[4];
  private int[] hashes = new int[4];
  private int size;

  /** Creates an empty table. */
  public FrameAtoms() {}

  /**
   * The table index of {@code atom}, added when new; -1 when the table is full and {@code atom} is
   * not in it. A linear search: a frame holds a handful of atoms, and at most {@value #MAX}.
   */
  int indexOf(Atom atom) {
    int hash = atom.hashCode();
    for (int i = 0; i < size; i++) {
      if (hashes[i] == hash && (atoms[i] == atom || atoms[i].equals(atom))) {
        return i;
      }
    }
    if (size == MAX) {
      return -1;
    }
    if (size == atoms.length) {
      atoms = Arrays.copyOf(atoms, Math.min(MAX, size * 2));
      hashes = Arrays.copyOf(hashes, atoms.length);
    }
    atoms[size] = atom;
    hashes[size] = hash;
    return size++;
  }

  /** How many atoms the table holds. */
  public int size() {
    return size;
  }

  /** The atom at {@code index}, in the order they were first met. */
  public Atom get(int index) {
    return atoms[index];
  }
}
