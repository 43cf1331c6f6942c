#!/usr/bin/env bash
# End-to-end: every coverage-guided fuzzer (scripts/fuzz: event lines, flat vs JSON, themes, durations,
# instants, sizes, place paths) for WANGGE_FUZZ_SECONDS (default 15) seconds each on its committed
# corpus, from a fixed seed (WANGGE_FUZZ_SEED, default 1) so that a run of the suite is repeatable; a
# crash or a broken invariant fails, and its input is saved under Fuzz/crashes/. Exploring with fresh
# seeds is `scripts/fuzz` by hand; what it finds goes into Fuzz/corpus/ and the regression tests.
# The binary argument is not used: the fuzzers are their own build (Fuzz/, -sanitize=fuzzer).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec bash "$here/../../scripts/fuzz" --seconds "${WANGGE_FUZZ_SECONDS:-15}" --seed "${WANGGE_FUZZ_SEED:-1}"
