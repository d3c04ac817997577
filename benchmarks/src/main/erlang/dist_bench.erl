%% The dist shape: round trips between two nodes over Erlang distribution, on loopback.
%%
%%   server():  registers `echo` (a bare receive loop that sends {Ref, Msg} back), `gecho` (a
%%              gen_server whose call returns its request) and `counter` (dist_counter, the
%%              gen_server twin of Arbor's DistCounter), prints READY, runs until killed.
%%   client([Mode, ServerNode, System, ...]): connects to each server, then for echo, call and
%%              genserver, with 1 and 16 callers, measures each server in turn, in the order
%%              given, and prints RESULT lines (labelled with its System) in k round trips per second.
%% One client measures BEAM <-> BEAM and BEAM <-> Arbor (only the server differs), row by row, so
%% that the two figures of a row are taken seconds apart, not a minute: the shared host's speed
%% drifts over minutes.
-module(dist_bench).
-behaviour(gen_server).
-export([server/0, client/1]).
-export([init/1, handle_call/3, handle_cast/2]).

server() ->
    register(echo, spawn(fun echo_loop/0)),
    {ok, _} = gen_server:start({local, gecho}, ?MODULE, [], []),
    ok = dist_counter:start(),
    io:format("READY~n"),
    receive stop -> ok end.

echo_loop() ->
    receive {From, Ref, Msg} -> From ! {Ref, Msg} end,
    echo_loop().

init([]) -> {ok, nil}.
handle_call(Request, _From, State) -> {reply, Request, State}.
handle_cast(_, State) -> {noreply, State}.

client([Mode | Servers]) ->
    Nodes = pairs(Servers),
    [pong = net_adm:ping(Node) || {Node, _} <- Nodes],
    {Count, WarmMillis} = case Mode of "quick" -> {2000, 1000}; _ -> {20000, 3000} end,
    lists:foreach(
      fun({Kind, Callers}) ->
              lists:foreach(
                fun({Node, System}) ->
                        Fun = round_trip(Kind, Node),
                        warm(Fun, Callers, erlang:monotonic_time(millisecond) + WarmMillis),
                        PerSecond = run(Fun, Callers, Count),
                        Metric = io_lib:format("dist.~s.~w", [Kind, Callers]),
                        io:format("RESULT\t~s\t~s\t~.6g\t~s~n",
                                  [Metric, System, PerSecond / 1000, "k round trips/s"])
                end, Nodes)
      end, [{echo, 1}, {echo, 16}, {call, 1}, {call, 16}, {genserver, 1}, {genserver, 16}]),
    halt().

pairs([Server, System | Rest]) -> [{list_to_atom(Server), System} | pairs(Rest)];
pairs([]) -> [].

round_trip(echo, Node) ->
    fun() ->
            Ref = make_ref(),
            {echo, Node} ! {self(), Ref, {hello, 42}},
            receive {Ref, _} -> ok end
    end;
round_trip(call, Node) ->
    fun() -> {hello, 42} = gen_server:call({gecho, Node}, {hello, 42}) end;
round_trip(genserver, Node) ->
    %% What Elixir's GenServer.call({:counter, node}, {:increment_by, 1}) runs (:gen.call/4).
    fun() -> N = gen_server:call({counter, Node}, {increment_by, 1}), true = is_integer(N) end.

%% Runs the measured shape, unmeasured, until Deadline: the Arbor client does the same, so that a
%% JVM measures compiled code and both systems start each row with the connection busy.
warm(Fun, Callers, Deadline) ->
    run(Fun, Callers, 500),
    case erlang:monotonic_time(millisecond) < Deadline of
        true -> warm(Fun, Callers, Deadline);
        false -> ok
    end.

%% Callers processes each make Count round trips; returns round trips per second in all.
run(Fun, Callers, Count) ->
    Self = self(),
    Start = erlang:monotonic_time(nanosecond),
    Pids = [spawn_link(fun() -> loop(Fun, Count), Self ! {done, self()} end)
            || _ <- lists:seq(1, Callers)],
    [receive {done, P} -> ok end || P <- Pids],
    Elapsed = erlang:monotonic_time(nanosecond) - Start,
    Callers * Count * 1.0e9 / Elapsed.

loop(_, 0) -> ok;
loop(Fun, N) -> Fun(), loop(Fun, N - 1).
