%% Erlang/OTP on the shapes of Arbor's benchmarks, measured the way the Java side measures them
%% (warm-up iterations, then measured iterations of a fixed length; the score is the mean of the
%% measured iterations), printing one line per figure:
%%   RESULT<TAB>metric<TAB>system<TAB>value<TAB>unit
%% Run by benchmarks/run as
%%   erl +P 2100000 -noshell -pa benchmarks/target/erlang -run arbor_bench main SHAPE quick|full [ARGS]
%% with SHAPE one of call.process, cast, spawn N, spawn-hibernated N, ring PROCS HOPS, links PROCS,
%% restart.
-module(arbor_bench).
-export([main/1]).

-define(CALL_BATCH, 10000).
-define(CAST_BATCH, 100000).
-define(RESTART_BATCH, 200).

main([Shape, Mode | Args]) ->
    Quick = case Mode of "quick" -> true; "full" -> false end,
    try
        run(Shape, Quick, [list_to_integer(A) || A <- Args]),
        halt(0)
    catch Class:Reason:Stack ->
        io:format(standard_error, "arbor_bench ~s failed: ~p:~p~n~p~n", [Shape, Class, Reason, Stack]),
        halt(1)
    end.

run("call.process", Quick, []) ->
    S = start_server([]),
    result("call.process", "erlang", call_ns(S, Quick), "ns");
run("cast", Quick, []) ->
    S = start_server([]),
    put(expected, 0),
    [result("cast." ++ integer_to_list(P), "erlang",
            1000 / measure(fun() -> cast_batch(S, P, ?CAST_BATCH) end, ?CAST_BATCH, Quick), "M/s")
     || P <- [1, 4]];
run("spawn", Quick, [N]) -> spawn_shape(N, [], "erlang", Quick);
run("spawn-hibernated", Quick, [N]) -> spawn_shape(N, [{hibernate_after, 0}], "erlang-hib", Quick);
run("ring", Quick, [Procs, Hops]) -> ring(Procs, Hops, Quick);
run("links", Quick, [Procs]) -> links(Procs, Quick);
run("restart", Quick, []) ->
    %% Supervisor reports would dominate the figure; the Java side turns its reports off as well.
    logger:set_primary_config(level, none),
    {Warmup, Measured, Millis} = iterations(Quick),
    [restart_iteration(Millis) || _ <- lists:seq(1, Warmup)],
    Scores = [restart_iteration(Millis) || _ <- lists:seq(1, Measured)],
    result("restart", "erlang", lists:sum(Scores) / length(Scores) / 1000, "us").

%% ------------------------------------------------------------------ measuring

iterations(true) -> {1, 2, 400};
iterations(false) -> {2, 3, 1000}.

%% Runs Fun (which does OpsPerRun operations) for the warm-up and measured iterations; returns the
%% mean over measured iterations of nanoseconds per operation.
measure(Fun, OpsPerRun, Quick) ->
    {Warmup, Measured, Millis} = iterations(Quick),
    [iteration(Fun, OpsPerRun, Millis) || _ <- lists:seq(1, Warmup)],
    Scores = [iteration(Fun, OpsPerRun, Millis) || _ <- lists:seq(1, Measured)],
    lists:sum(Scores) / length(Scores).

iteration(Fun, OpsPerRun, Millis) ->
    Start = erlang:monotonic_time(nanosecond),
    End = Start + Millis * 1000000,
    Runs = repeat(Fun, End, 0),
    (erlang:monotonic_time(nanosecond) - Start) / (Runs * OpsPerRun).

repeat(Fun, End, Runs) ->
    Fun(),
    case erlang:monotonic_time(nanosecond) >= End of
        true -> Runs + 1;
        false -> repeat(Fun, End, Runs + 1)
    end.

result(Metric, System, Value, Unit) ->
    io:format("RESULT\t~s\t~s\t~.6g\t~s~n", [Metric, System, float(Value), Unit]).

start_server(Opts) ->
    {ok, S} = gen_server:start(bench_server, [], Opts),
    S.

%% ------------------------------------------------------------------ call round trip

call_ns(S, Quick) ->
    Expected = ?CALL_BATCH * (?CALL_BATCH + 1) div 2,
    measure(fun() -> Expected = calls(S, ?CALL_BATCH, 0) end, ?CALL_BATCH, Quick).

calls(_S, 0, Sum) -> Sum;
calls(S, N, Sum) -> calls(S, N - 1, Sum + gen_server:call(S, {echo, N})).

%% ------------------------------------------------------------------ cast throughput

cast_batch(S, Producers, Casts) ->
    Self = self(),
    Each = Casts div Producers,
    [spawn(fun() -> casts(S, Each), Self ! sent end) || _ <- lists:seq(1, Producers)],
    [receive sent -> ok end || _ <- lists:seq(1, Producers)],
    Expected = get(expected) + Casts,
    put(expected, Expected),
    case gen_server:call(S, hits, infinity) of
        Expected -> ok;
        Other -> error({casts_lost, Other, Expected})
    end.

casts(_S, 0) -> ok;
casts(S, N) -> gen_server:cast(S, hit), casts(S, N - 1).

%% ------------------------------------------------------------------ spawn and cost growth

spawn_shape(N, Opts, System, Quick) ->
    S = start_server([]),
    Idle0 = call_ns(S, Quick),
    settle(),
    Mem0 = erlang:memory(total),
    Rss0 = rss(),
    T0 = erlang:monotonic_time(nanosecond),
    Pids = start_many(N, Opts, []),
    T1 = erlang:monotonic_time(nanosecond),
    case Opts of
        [] -> [erlang:garbage_collect(P) || P <- Pids];
        _ -> await_hibernated(Pids)
    end,
    settle(),
    Mem1 = erlang:memory(total),
    Rss1 = rss(),
    IdleN = call_ns(S, Quick),
    N = length([P || P <- Pids, is_process_alive(P)]),
    result("spawn.start", System, (T1 - T0) / N / 1000, "us"),
    result("spawn.heap", System, (Mem1 - Mem0) / N, "B"),
    result("spawn.rss", System, (Rss1 - Rss0) / N, "B"),
    result("growth.idle0", System, Idle0, "ns"),
    result("growth.idle1m", System, IdleN, "ns"),
    result("growth.ratio", System, IdleN / Idle0, "x").

start_many(0, _Opts, Acc) -> Acc;
start_many(N, Opts, Acc) -> start_many(N - 1, Opts, [start_server(Opts) | Acc]).

await_hibernated(Pids) ->
    Awake = [P || P <- Pids, process_info(P, current_function) =/= {current_function, {erlang, hibernate, 3}}],
    case Awake of
        [] -> ok;
        _ -> timer:sleep(50), await_hibernated(Awake)
    end.

settle() ->
    erlang:garbage_collect(),
    timer:sleep(200).

rss() ->
    {ok, Status} = file:read_file("/proc/self/status"),
    [Line] = [L || L <- binary:split(Status, <<"\n">>, [global]), binary:match(L, <<"VmRSS:">>) =/= nomatch],
    [_, Kb, _] = string:lexemes(binary_to_list(Line), " \t"),
    list_to_integer(Kb) * 1024.

%% ------------------------------------------------------------------ links

%% An exit cascade: kill the head of a chain of linked processes, time until the tail is down.
links(Procs, Quick) ->
    {Warmup, Measured, _} = iterations(Quick),
    [cascade(Procs) || _ <- lists:seq(1, Warmup)],
    Scores = [cascade(Procs) || _ <- lists:seq(1, Measured)],
    result("links.hop", "erlang", lists:sum(Scores) / length(Scores), "ns").

cascade(Procs) ->
    Self = self(),
    Head = spawn(fun() -> chain(Procs - 1, Self) end),
    Tail = receive {tail, T} -> T end,
    Ref = monitor(process, Tail),
    T0 = erlang:monotonic_time(nanosecond),
    exit(Head, kill),
    receive {'DOWN', Ref, process, Tail, _} -> ok end,
    (erlang:monotonic_time(nanosecond) - T0) / Procs.

chain(0, Main) -> Main ! {tail, self()}, receive _ -> ok end;
chain(K, Main) -> spawn_link(fun() -> chain(K - 1, Main) end), receive _ -> ok end.

%% ------------------------------------------------------------------ ring

ring(Procs, Hops, Quick) ->
    Self = self(),
    Nodes = [spawn(fun() -> receive {next, Next} -> node(Next, Self) end end) || _ <- lists:seq(1, Procs)],
    [First | _] = Nodes,
    lists:foreach(fun({P, Next}) -> P ! {next, Next} end, lists:zip(Nodes, tl(Nodes) ++ [First])),
    {Warmup, Measured, _} = iterations(Quick),
    [lap(First, Hops) || _ <- lists:seq(1, Warmup)],
    Scores = [lap(First, Hops) || _ <- lists:seq(1, Measured)],
    result("ring.hop", "erlang", lists:sum(Scores) / length(Scores), "ns").

lap(First, Hops) ->
    T0 = erlang:monotonic_time(nanosecond),
    First ! Hops,
    receive lap_done -> ok end,
    (erlang:monotonic_time(nanosecond) - T0) / Hops.

node(Next, Main) ->
    receive
        0 -> Main ! lap_done;
        Token -> Next ! Token - 1
    end,
    node(Next, Main).

%% ------------------------------------------------------------------ supervised restart

%% A supervisor keeps the time of every restart within its period, and checks that list at each
%% restart; so each batch gets a fresh supervisor (started and stopped outside the timed part), or
%% the list would grow with the run and the figure with it.
restart_iteration(Millis) ->
    End = erlang:monotonic_time(nanosecond) + Millis * 1000000,
    restart_iteration(End, 0, 0).

restart_iteration(End, Nanos, Count) ->
    Sup = bench_sup:start(),
    T0 = erlang:monotonic_time(nanosecond),
    restarts(?RESTART_BATCH),
    T1 = erlang:monotonic_time(nanosecond),
    exit(Sup, shutdown),
    await_down(Sup),
    case T1 >= End of
        true -> (Nanos + T1 - T0) / (Count + ?RESTART_BATCH);
        false -> restart_iteration(End, Nanos + T1 - T0, Count + ?RESTART_BATCH)
    end.

await_down(Pid) ->
    case is_process_alive(Pid) orelse whereis(bench_child) =/= undefined of
        true -> erlang:yield(), await_down(Pid);
        false -> ok
    end.

%% Kills the named child and waits until the name resolves to its successor, Count times.
restarts(0) -> ok;
restarts(Count) ->
    Old = whereis(bench_child),
    exit(Old, kill),
    await_successor(Old),
    restarts(Count - 1).

await_successor(Old) ->
    case whereis(bench_child) of
        New when is_pid(New), New =/= Old -> ok;
        _ -> erlang:yield(), await_successor(Old)
    end.
