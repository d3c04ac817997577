%% The BEAM twin of dev.arbor.bench.dist.DistCounter, for the dist shape's GenServer rows: a plain
%% gen_server registered as `counter` whose call {increment_by, N} adds N and answers the new count.
%% An Elixir GenServer is this at run time (Elixir's GenServer module starts an Erlang gen_server
%% with the user's module as callback), so BEAM to BEAM stands for Elixir to Elixir too.
-module(dist_counter).
-behaviour(gen_server).
-export([start/0]).
-export([init/1, handle_call/3, handle_cast/2]).

start() ->
    {ok, _} = gen_server:start({local, counter}, ?MODULE, 0, []),
    ok.

init(Count) -> {ok, Count}.

handle_call({increment_by, N}, _From, Count) when is_integer(N) ->
    {reply, Count + N, Count + N}.

handle_cast(_, Count) -> {noreply, Count}.
