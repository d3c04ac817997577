%% The Erlang side of every shape: EchoServer's protocol as a gen_server.
-module(bench_server).
-behaviour(gen_server).
-export([start_link_named/0, init/1, handle_call/3, handle_cast/2]).

%% A named child for the supervised-restart shape.
start_link_named() ->
    gen_server:start_link({local, bench_child}, ?MODULE, [], []).

init([]) -> {ok, 0}.

handle_call({echo, Value}, _From, Hits) -> {reply, Value, Hits};
handle_call(hits, _From, Hits) -> {reply, Hits, Hits}.

handle_cast(hit, Hits) -> {noreply, Hits + 1}.
