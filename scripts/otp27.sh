#!/usr/bin/env bash
# Brings Erlang/OTP 27 and Elixir for the distribution interop tests
# (`mvn -pl dist -am test -Potp27`)
# without touching the machine's own Erlang: Debian 13 "trixie" (minbase) is debootstrapped into
# .cache/otp27/root, erlang-base and elixir are apt-installed inside it, and .cache/otp27/bin gets
# `erl`, `epmd` and `elixir` wrappers that run the chroot's tools. The tests then take their tools
# from that folder (-Darbor.erlang.bin=.../.cache/otp27/bin, which the otp27 profile sets).
#
# Why .cache/otp27 at the top of the checkout and not target/: the chroot takes about two minutes
# to build and must survive `mvn clean`; and it is a root-owned tree that no `mvn clean` should
# ever have to delete. .cache/ is git-ignored.
#
# How a wrapper runs a tool: `unshare --mount` gives it a private mount namespace where /proc is
# mounted over the chroot's /proc (erl reads it), then `chroot` runs the tool. Every step `exec`s,
# so the pid the caller started IS the tool in the end (beam.smp for erl and elixir, epmd for
# epmd): Process.destroy on it stops the BEAM itself, and the /proc mount vanishes with the last
# process of that namespace, so nothing stays mounted on the host and `rm -rf .cache` is safe.
# The network namespace is shared (loopback works); the environment passes through (ERL_EPMD_PORT,
# ERL_EPMD_ADDRESS, HOME) except PATH and the locale, which are set for the chroot.
#
# Idempotent: a finished chroot is marked by .cache/otp27/ready and is reused (the script then only
# rewrites the wrappers, in milliseconds); an interrupted one is deleted and built again. Runs are
# serialised with a lock file. Needs root (debootstrap, chroot, mount) and a reachable Debian
# mirror (OTP27_MIRROR, default http://deb.debian.org/debian). OTP27_CACHE moves the folder.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${OTP27_CACHE:-$(dirname "$here")/.cache/otp27}
mirror=${OTP27_MIRROR:-http://deb.debian.org/debian}
suite=trixie
root=$cache/root
bin=$cache/bin
# The PATH inside the chroot; these directories also exist on the host, where the wrapper finds
# unshare, mount and chroot through the same PATH.
chroot_path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

say() { echo "[arbor otp27] $*"; }

if [ "$(id -u)" != 0 ]; then
  say "needs root (debootstrap, chroot and mount); run it as root or with sudo"
  exit 1
fi
for tool in unshare chroot mount flock; do
  command -v "$tool" >/dev/null || { say "needs '$tool' (util-linux, coreutils)"; exit 1; }
done

mkdir -p "$cache"
exec 9>"$cache/lock"
flock -w 600 9 || { say "another otp27.sh has held $cache/lock for 10 minutes"; exit 1; }

# One wrapper script, .cache/otp27/bin/in-chroot: `in-chroot CMD ARGS` runs CMD inside the chroot;
# erl, epmd and elixir are links to it that run the tool they are named after. Rewritten on every
# run (it is tiny), so a moved checkout or a changed script takes effect at once.
write_wrappers() {
  mkdir -p "$bin"
  cat >"$bin/in-chroot.new" <<WRAPPER
#!/bin/sh
# Written by scripts/otp27.sh: runs the tool this link is named after (or, called as in-chroot,
# its first argument) inside the Debian 13 chroot $root, with /proc mounted in a private mount
# namespace. Every step execs, so this pid becomes the tool itself (killing it kills the BEAM);
# stdin, stdout and the environment pass through, except PATH and the locale.
tool=\$(basename "\$0")
if [ "\$tool" = in-chroot ]; then tool=\$1; shift; fi
exec unshare --mount --propagation private -- /bin/sh -c \\
  'r=\$0; export PATH="\$1" LC_ALL=C.UTF-8; shift; mount -t proc proc "\$r/proc" && exec chroot "\$r" "\$@"' \\
  "$root" "$chroot_path" "\$tool" "\$@"
WRAPPER
  chmod 755 "$bin/in-chroot.new"
  mv -f "$bin/in-chroot.new" "$bin/in-chroot"
  for tool in erl epmd elixir; do
    ln -sfn in-chroot "$bin/$tool"
  done
}

build_root() {
  if [ -e "$root" ]; then
    say "removing an unfinished chroot at $root"
    # debootstrap ran in a private mount namespace, so nothing should be mounted below it; stay on
    # this file system anyway, in case an older run left a mount there.
    rm -rf --one-file-system "$root"
  fi
  if ! command -v debootstrap >/dev/null; then
    say "installing debootstrap with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null; }
  fi
  local log=$cache/build.log start=$SECONDS
  say "debootstrapping Debian 13 ($suite, minbase) into $root from $mirror (a minute or two, once; log: $log)"
  # debootstrap mounts /proc and /sys inside the target while it works: a private mount namespace
  # makes sure an interrupted run leaves no mount behind on the host.
  if ! unshare --mount --propagation private -- \
      debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$log" 2>&1; then
    tail -20 "$log"
    say "debootstrap failed (full log: $log)"
    exit 1
  fi
  say "installing erlang-base and elixir inside the chroot"
  # elixir pulls the few erlang-* libraries it needs; no recommends keeps the chroot small.
  if ! "$bin/in-chroot" /bin/sh -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -q &&
      apt-get install -y -q --no-install-recommends erlang-base elixir && apt-get clean' \
      >>"$log" 2>&1; then
    tail -20 "$log"
    say "apt-get inside the chroot failed (full log: $log)"
    exit 1
  fi
  say "chroot ready in $((SECONDS - start)) s"
}

write_wrappers
[ -f "$cache/ready" ] && [ -x "$root/usr/bin/erl" ] || { rm -f "$cache/ready"; build_root; }

if [ ! -f "$cache/ready" ]; then
  # Runs both tools once, as a check; the full OTP version (27.3.4.1) is in releases/27/OTP_VERSION,
  # otp_release says only "27".
  otp=$("$bin/erl" -noshell -eval '{ok, V} = file:read_file(filename:join([code:root_dir(),
    "releases", erlang:system_info(otp_release), "OTP_VERSION"])),
    io:format("~s", [string:trim(V)]), halt().')
  elixir=$("$bin/elixir" -e 'IO.write(System.version())')
  [ -n "$otp" ] && [ -n "$elixir" ] || { say "the chroot's erl or elixir does not run"; exit 1; }
  printf 'otp=%s\nelixir=%s\n' "$otp" "$elixir" >"$cache/ready"
fi
say "Erlang/OTP $(sed -n 's/^otp=//p' "$cache/ready"), Elixir $(sed -n 's/^elixir=//p' "$cache/ready") in $bin"
