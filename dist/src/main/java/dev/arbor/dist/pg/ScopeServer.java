package dev.arbor.dist.pg;

import dev.arbor.Down;
import dev.arbor.ExitReason;
import dev.arbor.NodeDown;
import dev.arbor.Pid;
import dev.arbor.Ref;
import dev.arbor.dist.NodeUp;
import dev.arbor.dist.term.ErlList;
import dev.arbor.dist.term.Tuple;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scope's process on the runtime's server loop, as {@code pg} is a {@code gen_server}: the
 * Java API's calls ({@link Request}) and the messages of peers and monitors, each turned into one
 * {@link Scope} operation. A peer's message of the wrong shape is logged with the message and
 * ignored: a bad peer never stops the scope (where {@code pg} itself would crash).
 */
final class ScopeServer implements Dispatcher<Scope, ScopeServer.Request> {
  private static final System.Logger LOG = System.getLogger(ScopeServer.class.getName());

  /** {@code pg}'s calls wait forever; a minute is bounded, and a scope answers in microseconds. */
  static final ServerType<Scope, Request> TYPE = ServerType.builder(Scope.class,
      ProcessGroups.class, new ScopeServer()).defaultCallTimeoutMillis(60_000).build();

  private ScopeServer() {}

  /** What the Java API asks of its scope. */
  sealed interface Request {}

  /** {@code pg:join/3}; {@code pids} are local, checked by the caller. */
  record Join(Object group, List<Pid> pids) implements Request {}

  /** {@code pg:leave/3}: answers whether any of {@code pids} was a member. */
  record Leave(Object group, List<Pid> pids) implements Request {}

  /** {@code pg:monitor_scope/1} for {@code subscriber}, the caller. */
  record MonitorScope(Pid subscriber) implements Request {}

  /** {@code pg:monitor/2} for {@code subscriber}, the caller. */
  record Monitor(Pid subscriber, Object group) implements Request {}

  /** {@code pg:demonitor/2}: answers whether the subscription was still there. */
  record Demonitor(Ref ref) implements Request {}

  @Override
  public void init(Scope scope) {
    scope.start();
  }

  @Override
  public void terminate(Scope scope, ExitReason reason) {
    scope.stop();
  }

  @Override
  public Object dispatch(Scope scope, Request request, CallContext call) {
    return switch (request) {
      case Join join -> {
        scope.join(join.group(), join.pids());
        yield null;
      }
      case Leave leave -> scope.leave(leave.group(), leave.pids());
      case MonitorScope monitor -> scope.monitorScope(monitor.subscriber());
      case Monitor monitor -> scope.monitor(monitor.subscriber(), monitor.group());
      case Demonitor demonitor -> scope.demonitor(demonitor.ref());
    };
  }

  @Override
  public boolean info(Scope scope, Object message) {
    switch (message) {
      case Down down -> scope.down(down);
      case NodeUp up -> scope.nodeUp(up.node());
      case NodeDown ignored -> { } // as pg: the Down of that node's scope says what to drop
      case Tuple tuple when isProtocol(tuple) -> {
        if (!protocol(scope, tuple)) {
          LOG.log(System.Logger.Level.WARNING, "process group scope ignored a malformed "
              + "message: " + tuple);
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean isProtocol(Tuple tuple) {
    Object tag = tuple.size() > 0 ? tuple.get(0) : null;
    return Scope.DISCOVER.equals(tag) || Scope.GEN_CAST.equals(tag) || Scope.JOIN.equals(tag)
        || Scope.LEAVE.equals(tag);
  }

  /** One message of {@code pg}'s protocol; false when its shape is wrong. */
  private static boolean protocol(Scope scope, Tuple message) {
    Object tag = message.get(0);
    if (Scope.DISCOVER.equals(tag)) {
      // {discover, Peer} and, from OTP 28 on, {discover, Peer, ProtocolVersion}
      if ((message.size() == 2 || message.size() == 3) && message.get(1) instanceof Pid peer) {
        scope.discover(peer);
        return true;
      }
    } else if (Scope.GEN_CAST.equals(tag)) {
      if (message.size() == 2 && message.get(1) instanceof Tuple sync && sync.size() == 3
          && Scope.SYNC.equals(sync.get(0)) && sync.get(1) instanceof Pid peer) {
        List<Map.Entry<Object, List<Pid>>> groups = groups(sync.get(2));
        if (groups != null) {
          scope.sync(peer, groups);
          return true;
        }
      }
    } else if (Scope.JOIN.equals(tag)) {
      if (message.size() == 4 && message.get(1) instanceof Pid peer) {
        List<Pid> pids = pids(message.get(3));
        if (pids != null) {
          scope.remoteJoin(peer, message.get(2), pids);
          return true;
        }
      }
    } else if (Scope.LEAVE.equals(tag) && message.size() == 4
        && message.get(1) instanceof Pid peer && message.get(3) instanceof ErlList groups) {
      List<Pid> pids = pids(message.get(2));
      if (pids != null) {
        scope.remoteLeave(peer, pids, groups.elements());
        return true;
      }
    }
    return false;
  }

  /** A pid, or a proper list of pids, as {@code pg} sends them; null for anything else. */
  private static List<Pid> pids(Object pidOrPids) {
    if (pidOrPids instanceof Pid pid) {
      return List.of(pid);
    }
    if (!(pidOrPids instanceof ErlList list)) {
      return null;
    }
    List<Pid> pids = new ArrayList<>(list.size());
    for (Object element : list.elements()) {
      if (!(element instanceof Pid pid)) {
        return null;
      }
      pids.add(pid);
    }
    return List.copyOf(pids);
  }

  /** A sync's {@code [{Group, [Pid]}]}; null if any part has another shape. */
  private static List<Map.Entry<Object, List<Pid>>> groups(Object term) {
    if (!(term instanceof ErlList list)) {
      return null;
    }
    List<Map.Entry<Object, List<Pid>>> groups = new ArrayList<>(list.size());
    for (Object element : list.elements()) {
      if (!(element instanceof Tuple group && group.size() == 2)) {
        return null;
      }
      List<Pid> pids = pids(group.get(1));
      if (pids == null || pids.isEmpty()) {
        return null;
      }
      groups.add(Map.entry(group.get(0), pids));
    }
    return groups;
  }
}
