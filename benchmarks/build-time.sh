#!/usr/bin/env bash
# Clean-build time of fieldbook itself, an older commit against the working tree's commit, side by side in one
# sitting: each clean build (no .build folder; the package sources are copied from a warm cache so the network is
# not timed) runs in a fresh clone, the two commits taking turns, RUNS times each:
#   debug     `swift build --build-tests` (what a developer and `scripts/test` do)
#   release   `swift build -c release --product fieldbook` (what `scripts/setup` and `scripts/package` do)
# Usage: benchmarks/build-time.sh OLD_COMMIT [NEW_COMMIT] [RUNS]      (NEW_COMMIT defaults to HEAD)
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(git rev-parse --short "$1")
new=$(git rev-parse --short "${2:-HEAD}")
runs=${3:-1}
work=/tmp/fieldbook-build-time
rm -rf "$work" && mkdir -p "$work"
for commit in "$old" "$new"; do git clone -q . "$work/$commit" && git -C "$work/$commit" checkout -q "$commit"; done
echo "machine: $(nproc) cores, $(uname -sr), $(swift --version 2>&1 | head -1)"
declare -A totals
for kind in debug release; do
    for run in $(seq "$runs"); do
        for commit in "$old" "$new"; do
            rm -rf "$work/$commit/.build"
            # Resolve and fetch first, untimed: only compiling is measured.
            (cd "$work/$commit" && swift package resolve >/dev/null 2>&1)
            start=$(date +%s.%N)
            if [[ $kind == debug ]]; then
                (cd "$work/$commit" && swift build --build-tests >/dev/null 2>&1)
            else
                (cd "$work/$commit" && swift build -c release --product fieldbook >/dev/null 2>&1)
            fi
            seconds=$(echo "$(date +%s.%N) - $start" | awk '{printf "%.1f", $1 - $3}')
            printf '%-8s %s run %d: %6.1f s\n' "$kind" "$commit" "$run" "$seconds"
            totals[$kind-$commit]=$(awk -v a="${totals[$kind-$commit]:-0}" -v b="$seconds" 'BEGIN {print a + b}')
        done
    done
    printf '%-8s mean: %s %.1f s, %s %.1f s (new ÷ old %.2f)\n' "$kind" "$old" "$(awk -v t="${totals[$kind-$old]}" -v n="$runs" 'BEGIN {print t / n}')" \
        "$new" "$(awk -v t="${totals[$kind-$new]}" -v n="$runs" 'BEGIN {print t / n}')" \
        "$(awk -v a="${totals[$kind-$old]}" -v b="${totals[$kind-$new]}" 'BEGIN {print b / a}')"
done
