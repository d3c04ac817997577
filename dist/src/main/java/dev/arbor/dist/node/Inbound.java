package dev.arbor.dist.node;

import dev.arbor.Pid;
import dev.arbor.Ref;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.ErlPid;
import dev.arbor.dist.term.ImproperList;
import dev.arbor.dist.term.Tuple;
import dev.arbor.remote.LocalNode;
import java.util.Map;

/**
 * Control messages from a peer, turned into calls on the runtime's {@link LocalNode}, on the
 * connection's reader thread and in arrival order. A control message of the wrong shape throws
 * {@link IllegalArgumentException}, which closes that connection only; an unknown one is logged
 * and ignored. The node answers for one process itself, {@code net_kernel}: {@code is_auth},
 * which {@code net_adm:ping/1} calls.
 */
final class Inbound {
  private static final System.Logger LOG = System.getLogger(Inbound.class.getName());
  static final Atom NET_KERNEL = Atom.of("net_kernel");
  static final Atom GEN_CALL = Atom.of("$gen_call");
  static final Atom IS_AUTH = Atom.of("is_auth");
  static final Atom YES = Atom.of("yes");

  private final LocalNode local;
  private final Calls calls;
  private final Map<Ref, Pid> aliases;
  private final Object systemPid;
  private final ErlPid systemWirePid;

  Inbound(LocalNode local, Calls calls, Map<Ref, Pid> aliases, Object systemPid,
      ErlPid systemWirePid) {
    this.local = local;
    this.calls = calls;
    this.aliases = aliases;
    this.systemPid = systemPid;
    this.systemWirePid = systemWirePid;
  }

  void dispatch(Channel channel, Tuple control, Object payload) {
    int op = ((Long) control.get(0)).intValue();
    switch (op) {
      case Control.SEND -> {
        Pid to = pid(arg(control, 2, 3));
        if (to.equals(systemPid)) {
          calls.complete(message(payload, control));
        } else {
          local.send(null, to, message(payload, control));
        }
      }
      case Control.SEND_SENDER -> {
        Pid to = pid(arg(control, 2, 3));
        if (to.equals(systemPid)) {
          calls.complete(message(payload, control));
        } else {
          local.send(pid(control.get(1)), to, message(payload, control));
        }
      }
      case Control.REG_SEND -> {
        Atom name = atom(arg(control, 3, 4));
        if (name.equals(NET_KERNEL)) {
          netKernel(channel, message(payload, control));
        } else {
          local.sendNamed(pid(control.get(1)), name.name(), message(payload, control));
        }
      }
      case Control.ALIAS_SEND -> {
        Object alias = arg(control, 2, 3);
        Pid owner = alias instanceof Ref ref ? aliases.get(ref) : null;
        if (owner != null) {
          local.send(pid(control.get(1)), owner, message(payload, control));
        } else if (!calls.complete(message(payload, control))) {
          LOG.log(System.Logger.Level.DEBUG, "dropped a message to alias " + alias
              + ": no call waits on it");
        }
      }
      case Control.LINK -> local.link(channel, pid(arg(control, 1, 3)), pid(control.get(2)));
      case Control.UNLINK_ID -> {
        Pid from = pid(arg(control, 2, 4));
        Pid to = pid(control.get(3));
        local.unlink(channel, from, to);
        channel.deliver(Tuple.of((long) Control.UNLINK_ID_ACK, control.get(1), to, from), null);
      }
      case Control.UNLINK_ID_ACK -> arg(control, 1, 4); // nothing waits for it
      case Control.EXIT -> local.linkExit(channel, pid(arg(control, 1, 4)),
          pid(control.get(2)), Reasons.fromWire(control.get(3)));
      case Control.EXIT2 -> local.exit(channel, pid(arg(control, 1, 4)), pid(control.get(2)),
          Reasons.fromWire(control.get(3)));
      case Control.MONITOR_P -> {
        Pid watcher = pid(arg(control, 1, 4));
        Object target = control.get(2);
        if (target instanceof Atom name) {
          if (!name.equals(NET_KERNEL)) { // net_kernel lives as long as the node
            local.monitorName(channel, watcher, name.name(), control.get(3));
          }
        } else {
          local.monitor(channel, watcher, pid(target), control.get(3));
        }
      }
      case Control.DEMONITOR_P -> local.demonitor(channel, pid(arg(control, 1, 4)),
          control.get(3));
      case Control.MONITOR_P_EXIT -> {
        if (arg(control, 3, 5) instanceof Ref ref) {
          local.down(channel, ref, Reasons.fromWire(control.get(4)));
        }
      }
      case Control.GROUP_LEADER -> LOG.log(System.Logger.Level.DEBUG,
          "ignored GROUP_LEADER from " + channel.node());
      default -> LOG.log(System.Logger.Level.WARNING, "ignored an unknown control message from "
          + channel.node() + ": " + control);
    }
  }

  /** {@code net_kernel}'s {@code is_auth} call, answered {@code yes} as {@code gen:reply/2}. */
  private void netKernel(Channel channel, Object message) {
    if (message instanceof Tuple call && call.size() == 3 && GEN_CALL.equals(call.get(0))
        && call.get(1) instanceof Tuple from && from.size() == 2
        && call.get(2) instanceof Tuple request && request.size() == 2
        && IS_AUTH.equals(request.get(0))) {
      Object tag = from.get(1);
      Tuple reply = Tuple.of(tag, YES);
      if (tag instanceof ImproperList alias && alias.tail() != null) {
        channel.deliver(Tuple.of((long) Control.ALIAS_SEND, systemWirePid, alias.tail()), reply);
      } else {
        channel.deliver(Tuple.of((long) Control.SEND_SENDER, systemWirePid, from.get(0)), reply);
      }
    } else {
      LOG.log(System.Logger.Level.DEBUG, "net_kernel ignores " + message);
    }
  }

  private static Object arg(Tuple control, int index, int arity) {
    if (control.size() != arity) {
      throw new IllegalArgumentException("control message " + control + " must have "
          + arity + " elements");
    }
    return control.get(index);
  }

  private static Pid pid(Object value) {
    if (value instanceof Pid pid) {
      return pid;
    }
    throw new IllegalArgumentException("expected a pid in a control message, got " + value);
  }

  private static Atom atom(Object value) {
    if (value instanceof Atom atom) {
      return atom;
    }
    throw new IllegalArgumentException("expected an atom in a control message, got " + value);
  }

  private static Object message(Object payload, Tuple control) {
    if (payload == null) {
      throw new IllegalArgumentException("control message " + control + " lacks its message");
    }
    return payload;
  }
}
