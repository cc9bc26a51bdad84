#!/usr/bin/env bash
# Wall time of a cached `./jbang scripts/fray-post.java` against a cached jbang hello-world, in one run, alternating
# (so both see the same machine load). Target (issue 7): fray-post at most 2x hello-world.
#
#   scripts/bench/post-vs-hello.sh [RUNS]      (default 15; prints each median and the ratio)
#
# Posts into a throw-away copy of demo/channel joined as machine "bench", with a body without '@' (so the cache is not
# opened; see fray-post's knownAgents). Both scripts are run once first so jbang's compile and CDS caches are warm.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r demo/channel "$work/channel"
mkdir -p "$work/channel/.fray/local"
printf '{"id":"bench","seq":0,"created_at":%s}\n' "$(date +%s)" > "$work/channel/.fray/local/machine-id"

post() { ./jbang scripts/fray-post.java --project "$work/channel" --as bench "post number $1" >/dev/null 2>>"$work/err"; }
hello() { ./jbang scripts/bench/hello.java >/dev/null 2>>"$work/err"; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }

post warm-1; post warm-2; hello; hello   # compile, dump the CDS archive, descriptor for the agent
: > "$work/err"
post_times=(); hello_times=()
for i in $(seq 1 "$runs"); do
    t0=$(ms); hello; t1=$(ms); post "$i"; t2=$(ms)
    hello_times+=($((t1 - t0))); post_times+=($((t2 - t1)))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
h=$(median "${hello_times[@]}"); p=$(median "${post_times[@]}")
echo "jbang hello-world: median ${h} ms  (${hello_times[*]})"
echo "jbang fray-post:   median ${p} ms  (${post_times[*]})"
awk -v p="$p" -v h="$h" 'BEGIN {printf "ratio fray-post / hello-world: %.2f\n", p / h}'
if [ -s "$work/err" ]; then echo "stderr of the measured runs:"; sort "$work/err" | uniq -c | head -5; fi
lines=$(wc -l < "$work/channel/.fray/shared/machines/bench/messages.jsonl")
echo "messages posted: $lines"
