#!/usr/bin/env bash
# Compares an older commit's fieldbook with the working tree's on one portal, in one sitting, the two binaries taking
# turns so that the machine's drift falls on both alike: RUNS clean builds each (alternating), then RUNS rebuilds
# after a one-file edit and RUNS `fieldbook check` each (one binary after the other: each keeps its own cache).
# Usage: benchmarks/compare.sh COMMIT PORTAL [RUNS] [EDITED_FILE]
#   PORTAL: a portal folder, e.g. one made by benchmarks/site.sh (/tmp/fieldbook-bench-site/portal) or
#   benchmarks/data-engine.sh (/tmp/fieldbook-bench-data). EDITED_FILE: a Markdown file in it (default: the 500th).
# The old commit is built once in a worktree, /tmp/fieldbook-compare-<commit>, kept for the next comparison
# (`git worktree remove --force` it when done).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/settle.sh
commit=$1
portal=$(cd "$2" && pwd)
runs=${3:-3}
old=/tmp/fieldbook-compare-$(git rev-parse --short "$commit")
if [[ ! -x $old/.build/release/fieldbook ]]; then
    rm -rf "$old" && git worktree prune
    git worktree add --detach "$old" "$commit" >/dev/null
    (cd "$old" && swift build -c release --product fieldbook >/dev/null 2>&1) || { echo "cannot build $commit in $old" >&2; exit 1; }
fi
swift build -c release --product fieldbook >/dev/null
new=$PWD/.build/release/fieldbook
edited=${4:-$(cd "$portal" && find content -name '*.md' | sort | sed -n '500p')}
trash="$portal-compare-trash" && remove "$trash" && mkdir -p "$trash"
settle  # past ext4's window for what deleting an earlier trash freed
cd "$portal"
declare -A binaries=([old]=$old/.build/release/fieldbook [new]=$new)
# timed LABEL WHICH COMMAND: one run of binary WHICH (old or new), after `sync`, printing wall time and peak memory.
timed() {
    sync
    /usr/bin/time -f "%e %M" "${binaries[$2]}" "$3" >/dev/null 2>/tmp/fieldbook-compare-time || true
    read -r seconds kilobytes < <(tail -1 /tmp/fieldbook-compare-time)
    printf '%-14s %s %6.2f s, %5d MB peak\n' "$1" "$2" "$seconds" $((kilobytes / 1024))
}
for run in $(seq "$runs"); do
    for which in old new; do
        for path in public .fieldbook .fieldbook-spare-public; do if [[ -e $path ]]; then mv "$path" "$trash/$RANDOM$RANDOM"; fi; done
        timed "clean build" $which build
    done
done
for which in old new; do
    "${binaries[$which]}" build >/dev/null && "${binaries[$which]}" build >/dev/null  # its own cache, a spare to recycle
    for run in $(seq "$runs"); do
        if [[ -z $edited ]]; then break; fi  # a portal of data alone has no document to edit
        echo "One more sentence, edit $RANDOM." >> "$edited"
        timed "one-file edit" $which build
    done
    for run in $(seq "$runs"); do timed "check" $which check; done
done
remove "$trash"
cd - >/dev/null
echo "old: $commit, built in $old; new: the working tree at $(git rev-parse --short HEAD)"
