#!/bin/sh
# The desk's figures (issue 14): start to first frame against the floor program, and the cost
# of passenger validation per passenger (time and memory). Prints a table; asserts nothing.
# Speeds are ratios against a reference run interleaved in the same script (A B A B ...),
# min/median/max over the pairs: absolute times on shared machines drift from run to run.
#
#     cmake --build build/dev --target bench_desk
# Environment (set by the target): FLIGHTDESK, FLOOR, VALIDATE_BENCH, BENCHRUN, FIRSTFRAME_SHIM,
# BENCH_TMP. Optional: BENCH_RUNS (pairs, default 9), BENCH_PASSENGERS (default 20000).
set -eu

: "${FLIGHTDESK:?}" "${FLOOR:?}" "${VALIDATE_BENCH:?}" "${BENCHRUN:?}" "${FIRSTFRAME_SHIM:?}"
RUNS=${BENCH_RUNS:-9}
COUNT=${BENCH_PASSENGERS:-20000}

mkdir -p "${BENCH_TMP:-/tmp}"
T=$(cd "$(mktemp -d "${BENCH_TMP:-/tmp}/desk-bench.XXXXXX")" && pwd)
trap 'rm -rf "$T"' EXIT
trap 'exit 130' HUP INT PIPE TERM
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_STATE_HOME

say() { printf '%s\n' "$*" >&2; }
. "$(dirname "$0")/benchstats.sh" # stats, median, ratios
die() { say "desk_bench: $*"; exit 1; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" "$2"; }

# --- 1. First frame: flightdesk --demo (a new HOME each run, as on a fresh machine) vs floor --
# Both through the same shim (the floor's own exit is switched off so the shim times both).
frame() { # NAME PROGRAM ARGS...
    name=$1
    shift
    home=$(mktemp -d "$T/home.XXXXXX")
    "$BENCHRUN" "$T/ff.$name.runs" HOME="$home" NO_SELF_EXIT=1 LD_PRELOAD="$FIRSTFRAME_SHIM" \
        "$@" >/dev/null 2>"$T/ff.err" || { cat "$T/ff.err" >&2; die "$name did not reach its first frame"; }
    field firstframe_ms "$T/ff.err" >>"$T/ff.$name"
    rm -rf "$home"
}
say "desk_bench: 1/2 first frame, $RUNS interleaved pairs (+1 warm-up)"
frame warm "$FLOOR"
frame warm "$FLIGHTDESK" --demo
: >"$T/ff.desk"
: >"$T/ff.floor"
i=0
while [ "$i" -lt "$RUNS" ]; do
    frame floor "$FLOOR"
    frame desk "$FLIGHTDESK" --demo
    i=$((i + 1))
done
[ "$(wc -l <"$T/ff.desk")" -eq "$RUNS" ] || die "the first-frame shim did not report every run"
ff_desk=$(stats <"$T/ff.desk" | tr ' ' /)
ff_floor=$(stats <"$T/ff.floor" | tr ' ' /)
ff_ratio=$(ratios "$T/ff.desk" "$T/ff.floor" | stats 2)

# --- 2. Validation per passenger, and memory --------------------------------------------------
say "desk_bench: 2/2 validation of $COUNT passengers (valid, then invalid)"
for kind in valid invalid; do
    ROUNDS=$RUNS "$BENCHRUN" "$T/v.$kind.run" "$VALIDATE_BENCH" "$COUNT" "$kind" \
        >"$T/v.$kind" 2>/dev/null || die "validate_bench $kind failed"
    ROUNDS=1 "$BENCHRUN" "$T/v.one.run" "$VALIDATE_BENCH" 1 "$kind" >/dev/null 2>&1 ||
        die "validate_bench 1 failed"
done
# `flightdesk validate` reads the file one passenger at a time: its peak memory for COUNT
# passengers and for 10 x COUNT against one passenger.
vmem() { # N -> peak RSS in kB
    "$VALIDATE_BENCH" "$1" valid --write "$T/p.$1.json" 2>/dev/null || die "validate_bench --write $1"
    ROUNDS=1 "$BENCHRUN" "$T/cli.$1.run" "$FLIGHTDESK" validate --passengers "$T/p.$1.json" \
        --international --departure-date 2026-12-20 >/dev/null 2>&1 || die "flightdesk validate $1 passengers failed"
    rm -f "$T/p.$1.json"
    field maxrss_kb "$T/cli.$1.run" | head -n 1
}
cli_1=$(vmem 1)
cli_n=$(vmem "$COUNT")
cli_10n=$(vmem $((COUNT * 10)))
cli_per=$(awk -v a="$cli_10n" -v b="$cli_1" -v n="$((COUNT * 10))" 'BEGIN { printf "%.3f", (a - b) / n }')
us() { field validate_us "$T/v.$1" | stats 2 | tr ' ' /; }
ratio() { field ratio "$T/v.$1" | stats 2 | tr ' ' /; }
rss_n=$(field maxrss_kb "$T/v.valid.run")
rss_1=$(field maxrss_kb "$T/v.one.run" | head -n 1)
per_kb=$(awk -v a="$rss_n" -v b="$rss_1" -v n="$COUNT" 'BEGIN { printf "%.2f", (a - b) / n }')

rev=$(git -C "$(dirname "$0")" rev-parse --short HEAD 2>/dev/null || echo unknown)
row() { printf '%-30s %s\n' "$1" "$2"; }
echo
echo "FlightDesk desk bench, $(date -u +%Y-%m-%dT%H:%MZ), commit $rev, ${BENCH_BUILD_TYPE:-?} build"
echo "$RUNS interleaved pairs; min / median / max"
echo
row "1. first frame vs floor" "ratio $ff_ratio (target <= 1.3)"
row "" "flightdesk --demo $ff_desk ms, floor $ff_floor ms (new HOME each run)"
row "2. validation, valid" "$(us valid) µs per passenger (target <= 10); $(ratio valid)× reading them"
row "   validation, invalid" "$(us invalid) µs per passenger; $(ratio invalid)× reading them"
row "   memory, in memory" "peak RSS $((rss_n / 1024)) MiB for $COUNT passengers vs $((rss_1 / 1024)) MiB for 1: $per_kb kB per passenger (a list held whole)"
row "   memory, flightdesk validate" "peak RSS $((cli_1 / 1024)) MiB for 1 passenger, $((cli_n / 1024)) MiB for $COUNT, $((cli_10n / 1024)) MiB for $((COUNT * 10)): $cli_per kB per passenger (streamed)"
