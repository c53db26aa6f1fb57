#!/bin/sh
# The speed figures of the README, measured side by side on this machine:
#   scripts/bench.sh [LINES]   (default 1000000)
#
# Builds a release binary, writes the batch workload (benches/workload.rs:
# seeded, every question answered from its answer classes, one line in
# three wrapped with an id, one in ten thousand bad), and times with
# hyperfine, each against its reference in the same run:
#   - start-up: `lactriage --version`, a scripted assess and `rules check`
#     against /bin/true, on one core, run in turn (examples/startup.rs), so
#     that the drift of a shared machine falls on all of them alike; on
#     Linux with glibc, both the ordinary release build and the statically
#     linked one (scripts/build-static.sh);
#   - batch: one core and two cores against `cat` of the same file;
#   - `lactriage history` of 10,000 kept checks (it must stay under 50 ms).
# Prints the medians, lines per second and the ratios; peak memory comes
# from GNU time when it is installed. Needs hyperfine (Debian: apt install
# hyperfine) and taskset (util-linux).
set -eu

lines=${1:-1000000}
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench.sh: hyperfine is needed (apt install hyperfine)" >&2; exit 2; }
command -v taskset >/dev/null || { echo "bench.sh: taskset is needed (util-linux)" >&2; exit 2; }

cargo build --release --quiet
cargo build --release --quiet --example batch-workload --example startup --example history-workload
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The static build, where there is one (Linux with glibc, with libc.a).
static=$(scripts/build-static.sh --quiet 2>"$work/static.log") || {
    echo "bench.sh: no static build, so no static figures:" >&2
    tail -n 3 "$work/static.log" >&2
    static=
}
# The binaries are timed as installed: copied, as `cargo install` does. A
# copy starts 0.1-0.3 ms sooner than the linker's own output in target/
# on the development machine (the same bytes; fewer page faults).
cp target/release/lactriage "$work/lactriage"
bin=$work/lactriage
if [ -n "$static" ]; then
    cp "$static" "$work/lactriage-static"
    static=$work/lactriage-static
fi
target/release/examples/batch-workload "$lines" 1 > "$work/lines.jsonl"
cores=$(nproc)
echo "machine: $(nproc --all) cores ($(uname -m)); $lines lines, $(wc -c < "$work/lines.jsonl") bytes"

# Median, in seconds, of command number $2 (from 1) of hyperfine's CSV $1.
median() { awk -F, -v row="$2" 'NR == row + 1 { print $4 }' "$1"; }

echo
echo "== start-up, one core: median of 1000 alternating runs, and its ratio to /bin/true =="
set -- "$bin"
[ -n "$static" ] && set -- "$bin" "$static"
for b in "$@"; do
    set -- "$@" "$b --version" "$b --answers examples/ductal-narrowing.json" \
        "$b --answers examples/ductal-narrowing.json --format json" "$b rules check" \
        "$b --lang es --answers examples/ductal-narrowing.json"
    shift
done
taskset -c 0 target/release/examples/startup 1000 /bin/true "$@"

echo
echo "== batch, $lines lines =="
# The workload's bad lines make batch exit 2: -i.
taskset -c 0 hyperfine -N -i --warmup 1 --runs 5 --output=null --export-csv "$work/one.csv" \
    "cat $work/lines.jsonl" \
    "$bin batch -j 1 $work/lines.jsonl" >/dev/null 2>"$work/log" || { cat "$work/log" >&2; exit 1; }
cat_s=$(median "$work/one.csv" 1)
one_s=$(median "$work/one.csv" 2)
awk -v n="$lines" -v s="$one_s" -v c="$cat_s" \
    'BEGIN { printf "one core:  %6.2f s  %9.0f lines/s  %6.1fx cat (%.3f s)\n", s, n / s, s / c, c }'
if [ "$cores" -ge 2 ]; then
    taskset -c 0,1 hyperfine -N -i --warmup 1 --runs 5 --output=null --export-csv "$work/two.csv" \
        "$bin batch -j 2 $work/lines.jsonl" >/dev/null 2>"$work/log" || { cat "$work/log" >&2; exit 1; }
    two_s=$(median "$work/two.csv" 1)
    awk -v n="$lines" -v s="$two_s" -v one="$one_s" \
        'BEGIN { printf "two cores: %6.2f s  %9.0f lines/s  %4.2fx one core\n", s, n / s, one / s }'
fi
if [ -x /usr/bin/time ]; then
    for n in 100000 "$lines"; do
        head -n "$n" "$work/lines.jsonl" > "$work/part.jsonl"
        /usr/bin/time -f %M -o "$work/kb" taskset -c 0 "$bin" batch -j 1 "$work/part.jsonl" >/dev/null 2>&1 || true
        echo "peak memory, $n lines, one core: $(tail -n 1 "$work/kb") KB"
    done
fi

echo
echo "== history, 10,000 checks =="
target/release/examples/history-workload "$work/history.sqlite3" 10000
for format in table json csv; do
    taskset -c 0 hyperfine -N --warmup 3 --runs 30 --export-csv "$work/history.csv" \
        "$bin history --history $work/history.sqlite3 --format $format" >/dev/null 2>"$work/log" \
        || { cat "$work/log" >&2; exit 1; }
    awk -v f="$format" -v s="$(median "$work/history.csv" 1)" \
        'BEGIN { printf "history --format %-5s %7.1f ms (median, one core)\n", f, s * 1000 }'
done
