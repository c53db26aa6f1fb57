#!/bin/sh
# A statically linked release build, for Linux with glibc (its static
# libraries, libc.a, installed: Debian's libc6-dev has them):
#   scripts/build-static.sh            builds it and prints its path
#                                      (TARGET_DIR/HOST/release/lactriage)
#   scripts/build-static.sh install    installs it, as `cargo install --path .`
#
# A static binary at a fixed address starts with nothing to load and
# nothing to relocate, which was most of what a scripted run of lactriage
# cost (README, "Speed"). The trade-off: the program's own code and data
# are not placed at a random address (ASLR); its stack, heap and mappings
# still are. Cargo cannot make this the default: the flags must not reach
# the build's own procedural macros, so they are given for an explicit
# `--target` only (with `--target`, RUSTFLAGS reach only what is built
# for it), which also puts the binary under TARGET_DIR/HOST/.
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
flags="-C target-feature=+crt-static -C relocation-model=static"
# Cargo reads CARGO_ENCODED_RUSTFLAGS before RUSTFLAGS, and either before
# its configuration: the flags go into whichever it will read.
if [ -n "${CARGO_ENCODED_RUSTFLAGS:-}" ]; then
    sep=$(printf '\037')
    CARGO_ENCODED_RUSTFLAGS="$CARGO_ENCODED_RUSTFLAGS$sep$(echo "$flags" | tr ' ' "$sep")"
    export CARGO_ENCODED_RUSTFLAGS
else
    RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$flags"
    export RUSTFLAGS
fi
case "${1:-}" in
install)
    shift
    exec cargo install --locked --path . --target "$host" "$@"
    ;;
esac
cargo build --release --locked --target "$host" "$@"
# Where cargo put it (CARGO_TARGET_DIR and build.target-dir included).
dir=$(cargo metadata --no-deps --locked --format-version 1 |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
bin=$dir/$host/release/lactriage
# A binary that still names a shared library was not linked statically
# (flags overridden somewhere): better no build than a mislabelled one.
if ldd "$bin" 2>/dev/null | grep -q '=>'; then
    echo "build-static.sh: $bin was linked dynamically; are RUSTFLAGS overridden?" >&2
    exit 1
fi
echo "$bin"
