package dev.arbor.dist.handshake;

/**
 * Capability flags exchanged in the handshake, as {@code erts/emulator/beam/dist.h} defines them.
 */
public final class DistFlags {
  public static final long PUBLISHED = 0x01L;
  public static final long EXTENDED_REFERENCES = 0x04L;
  public static final long DIST_MONITOR = 0x08L;
  public static final long FUN_TAGS = 0x10L;
  public static final long DIST_MONITOR_NAME = 0x20L;
  public static final long NEW_FUN_TAGS = 0x80L;
  public static final long EXTENDED_PIDS_PORTS = 0x100L;
  public static final long EXPORT_PTR_TAG = 0x200L;
  public static final long BIT_BINARIES = 0x400L;
  public static final long NEW_FLOATS = 0x800L;
  public static final long UNICODE_IO = 0x1000L;
  public static final long DIST_HDR_ATOM_CACHE = 0x2000L;
  public static final long SMALL_ATOM_TAGS = 0x4000L;
  public static final long UTF8_ATOMS = 0x10000L;
  public static final long MAP_TAG = 0x20000L;
  public static final long BIG_CREATION = 0x40000L;
  public static final long SEND_SENDER = 0x80000L;
  public static final long EXIT_PAYLOAD = 0x400000L;
  public static final long FRAGMENTS = 0x800000L;
  public static final long HANDSHAKE_23 = 0x1000000L;
  public static final long UNLINK_ID = 0x2000000L;
  public static final long V4_NC = 1L << 34;
  public static final long ALIAS = 1L << 35;

  /** {@code DFLAG_DIST_MANDATORY_25}: what OTP 25 refuses to connect without. */
  public static final long MANDATORY_25 = EXTENDED_REFERENCES | FUN_TAGS | EXTENDED_PIDS_PORTS
      | UTF8_ATOMS | NEW_FUN_TAGS | BIG_CREATION | NEW_FLOATS | MAP_TAG | EXPORT_PTR_TAG
      | BIT_BINARIES | HANDSHAKE_23;

  /** {@code DFLAG_DIST_MANDATORY_26}: added by OTP 26. */
  public static final long MANDATORY_26 = V4_NC | UNLINK_ID;

  /** Everything OTP 26+ demands; Arbor demands it of its peers too, as it encodes V4 pids. */
  public static final long MANDATORY = MANDATORY_25 | MANDATORY_26;

  /**
   * What Arbor offers: the mandatory set, monitors (by pid and by name), aliases, {@code
   * SEND_SENDER} and the atom cache of the distribution header, which BEAM nodes use between
   * themselves ({@code -Darbor.dist.atomCache=false} leaves it out, and every frame then travels
   * after a pass-through byte with its atoms in full). Not offered, so peers never use them:
   * fragments (each message travels whole), exit payloads (exit reasons stay in the control
   * message) and sequential trace tokens.
   */
  public static final long ARBOR = MANDATORY | PUBLISHED | DIST_MONITOR | DIST_MONITOR_NAME
      | ALIAS | SEND_SENDER | UNICODE_IO | SMALL_ATOM_TAGS
      | (Boolean.parseBoolean(System.getProperty("arbor.dist.atomCache", "true"))
          ? DIST_HDR_ATOM_CACHE : 0);

  private DistFlags() {}

  /** The mandatory flags {@code flags} lacks, as a hexadecimal mask for error messages. */
  public static String missing(long flags) {
    return "0x" + Long.toHexString(MANDATORY & ~flags);
  }
}
