/**
 * Erlang's external term format: a Java model of Erlang terms and a bounded codec, with no I/O.
 *
 * <p>How Erlang terms map to Java:
 *
 * <ul>
 *   <li>atom: {@link dev.arbor.dist.term.Atom}; {@code true}/{@code false} stay atoms when decoded,
 *       a Java {@code Boolean} encodes as one.
 *   <li>integer: {@code Long} when it fits, {@code BigInteger} otherwise; {@code Integer},
 *       {@code Short} and {@code Byte} encode too.
 *   <li>float: {@code Double}.
 *   <li>binary: {@link dev.arbor.dist.term.Binary}; bit string: {@link
 *       dev.arbor.dist.term.BitString}. A Java {@code String} encodes as a UTF-8 binary (an
 *       Elixir string) and a {@code byte[]} as a binary.
 *   <li>tuple: {@link dev.arbor.dist.term.Tuple}; proper list (and {@code STRING_EXT}, which is a
 *       list of small integers): {@link dev.arbor.dist.term.ErlList}; improper list: {@link
 *       dev.arbor.dist.term.ImproperList}. A Java {@code List} encodes as a proper list.
 *   <li>map: an unmodifiable {@code java.util.Map} in wire order.
 *   <li>pid, reference, port: {@link dev.arbor.dist.term.ErlPid}, {@link
 *       dev.arbor.dist.term.ErlRef}, {@link dev.arbor.dist.term.ErlPort}; a {@link
 *       dev.arbor.dist.term.HandleMapper} lets a node turn pids and references into the
 *       runtime's {@code Pid} and {@code Ref} (a started node does: its processes then see only
 *       runtime pids, local or remote).
 *   <li>funs: {@link dev.arbor.dist.term.ExportFun} and the opaque {@link
 *       dev.arbor.dist.term.LocalFun}: they travel, they cannot run in Java.
 * </ul>
 *
 * <p>Between nodes, a frame's terms follow a distribution header that names their atoms, most of
 * them by a slot of the connection's atom cache: {@link dev.arbor.dist.term.AtomCache} reads and
 * writes it, and {@link dev.arbor.dist.term.TermEncoder#encodeAfterHeader} and {@link
 * dev.arbor.dist.term.TermDecoder#decodeAfterHeader} code the terms that follow it.
 */
package dev.arbor.dist.term;
