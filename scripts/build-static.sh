#!/bin/sh
# A statically linked release build, for Linux with glibc:
#   scripts/build-static.sh            builds target/HOST/release/lactriage
#   scripts/build-static.sh install    installs it, as `cargo install --path .`
#
# A static binary at a fixed address starts with nothing to load and
# nothing to relocate, which was most of what a scripted run of lactriage
# cost (README, "Speed"). The trade-off: the program's own code and data
# are not placed at a random address (ASLR); its stack, heap and mappings
# still are. Cargo cannot make this the default: the flags must not reach
# the build's own procedural macros, so they are given for an explicit
# `--target` only, which also puts the binary under target/HOST/.
#
# glibc's own caveat applies: functions that look users up by name (used
# here only to find the home folder when HOME is not set) need the shared
# libraries of the same glibc version at run time.
set -eu
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
case "$host" in
*-linux-gnu*) ;;
*)
    echo "build-static.sh: static linking is set up for Linux with glibc; this is $host" >&2
    exit 2
    ;;
esac
static="target.$host.rustflags = ['-C', 'target-feature=+crt-static', '-C', 'relocation-model=static']"
case "${1:-}" in
install)
    shift
    cargo install --locked --path . --target "$host" --config "$static" "$@"
    ;;
*)
    cargo build --release --locked --target "$host" --config "$static" "$@"
    echo "target/$host/release/lactriage"
    ;;
esac
