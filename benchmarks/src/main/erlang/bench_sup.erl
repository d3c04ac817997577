%% The supervisor of the restart shape: one permanent, named bench_server child, and a restart
%% intensity above the restarts one benchmark batch makes.
-module(bench_sup).
-behaviour(supervisor).
-export([start/0, init/1]).

start() ->
    {ok, Pid} = supervisor:start_link(?MODULE, []),
    unlink(Pid),
    Pid.

init([]) ->
    {ok, {#{strategy => one_for_one, intensity => 1000, period => 5},
          [#{id => bench_child, start => {bench_server, start_link_named, []},
             restart => permanent, shutdown => brutal_kill, type => worker}]}}.
