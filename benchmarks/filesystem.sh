#!/usr/bin/env bash
# How much of a clean build is the file system's: on a corpus benchmarks/site.sh generated, times in one sitting
# (RUNS each, taking turns) fieldbook's clean build, Hugo's, and `cp -r` of each one's output (what writing those
# files costs with no work behind them) on the corpus's own file system, then both builds again on tmpfs
# (/dev/shm, in memory: no disk, no inode allocator to wait for).
# Usage: [SEED=N] benchmarks/filesystem.sh [RUNS]      needs: a corpus from benchmarks/site.sh, hugo, time
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/settle.sh
runs=${1:-3}
work=/tmp/fieldbook-bench-site${SEED:+-seed$SEED}
[[ -d $work/portal/content && -d $work/hugo ]] || { echo "run benchmarks/site.sh first (the corpus in $work)" >&2; exit 1; }
fieldbook=$PWD/.build/release/fieldbook
swift build -c release --product fieldbook >/dev/null
trash="$work/trash-filesystem" && remove "$trash" && mkdir -p "$trash"
aside() { for path in "$@"; do if [[ -e $path ]]; then mv "$path" "$trash/$RANDOM$RANDOM"; fi; done; }
settle  # past ext4's window for what deleting an earlier trash freed
timed() {  # LABEL COMMAND...: one run after `sync`
    local label=$1; shift
    sync
    /usr/bin/time -f "%e %U %S %M" "$@" >/dev/null 2>/tmp/fieldbook-fs-time || true
    read -r wall user sys kilobytes < <(tail -1 /tmp/fieldbook-fs-time)
    printf '%-34s %6.2f s wall, %5.2f s user, %5.2f s system, %5d MB peak\n' "$label" "$wall" "$user" "$sys" $((kilobytes / 1024))
}
(cd "$work/portal" && "$fieldbook" build >/dev/null) && (cd "$work/hugo" && hugo --quiet)  # outputs to copy
echo "outputs: fieldbook $(find "$work/portal/public" | wc -l) files and folders, $(du -sh "$work/portal/public" | cut -f1); hugo $(find "$work/hugo/public" | wc -l), $(du -sh "$work/hugo/public" | cut -f1)"
for run in $(seq "$runs"); do
    (cd "$work/portal" && aside public .fieldbook .fieldbook-spare-public && timed "fieldbook clean build ($(df --output=fstype . | tail -1))" "$fieldbook" build)
    (cd "$work/hugo" && aside public && timed "hugo" hugo --quiet)
    timed "cp -r of fieldbook's output" cp -r "$work/portal/public" "$trash/copy-$RANDOM$RANDOM"
    timed "cp -r of hugo's output" cp -r "$work/hugo/public" "$trash/copy-$RANDOM$RANDOM"
done
if [[ -d /dev/shm ]]; then
    memory=/dev/shm/fieldbook-bench-fs && rm -rf "$memory" && mkdir -p "$memory"
    cp -r "$work/portal" "$memory/portal" && cp -r "$work/hugo" "$memory/hugo"
    for run in $(seq "$runs"); do
        (cd "$memory/portal" && rm -rf public .fieldbook .fieldbook-spare-public && timed "fieldbook clean build (tmpfs)" "$fieldbook" build)
        (cd "$memory/hugo" && rm -rf public && timed "hugo (tmpfs)" hugo --quiet)
    done
    rm -rf "$memory"
fi
remove "$trash"
