#!/usr/bin/env bash
# Times a portal with performance data at scale: 5,000 reps and about a million deals (24 months), generated
# deterministically, beside DOCUMENTS generated lessons and playbooks (the issue's 10,000 by default; 0 for the data
# side alone); then a release `fieldbook build`: three clean builds and three rebuilds after a lesson edit.
# Usage: benchmarks/data-engine.sh [WORK_DIR] [REPS] [DEALS_PER_REP_MONTH] [DOCUMENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/settle.sh
work=${1:-/tmp/fieldbook-bench-data}
reps=${2:-5000}
per_month=${3:-8}
documents=${4:-10000}
mkdir -p .build
swiftc -O scripts/generate-data.swift -o .build/generate-data 2>/dev/null
swift build -c release --product fieldbook >/dev/null
remove "$work" && mkdir -p "$work"
echo '{"title": "Benchmark", "pipeline": {"stages": {"prospecting": 0.1, "engaging": 0.3, "proposal": 0.6}}}' > "$work/fieldbook.json"
.build/generate-data --portal "$work" --reps "$reps" --deals-per-month "$per_month" --from 2025-01 --to 2026-12-20 --seed 7
if ((documents > 0)); then
    swift scripts/generate-portal.swift --out "$work-documents" --documents "$documents"
    cp -r "$work-documents/content/training" "$work-documents/content/playbooks" "$work/content/" && remove "$work-documents"
fi
ls -l "$work/content/data" | awk 'NR>1 {printf "  %-14s %8.1f MB\n", $9, $5/1048576}'
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr)"
# timed LABEL: one build of the portal, with peak memory where GNU time is installed.
timed() {
    sync  # the previous run's output reaches the disk now, not while this run is timed
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f "$1: %e s wall, %M KB peak memory" .build/release/fieldbook build "$work" >/dev/null
    else
        start=$(date +%s.%N); .build/release/fieldbook build "$work" >/dev/null; end=$(date +%s.%N)
        echo "$1: $(echo "$end - $start" | bc) s wall (install 'time' for peak memory)"
    fi
}
# A clean build each time, no cache. Earlier outputs are moved aside and deleted at the end, not before each run:
# on ext4, creating files and folders minutes after deleting many others is much slower (benchmarks/settle.sh).
trash="$work-trash" && remove "$trash" && mkdir -p "$trash"
settle
for run in 1 2 3; do
    for path in "$work/public" "$work/.fieldbook" "$work/.fieldbook-spare-public"; do
        if [[ -e $path ]]; then mv "$path" "$trash/$run-$(basename "$path")"; fi
    done
    timed "run $run"
done
du -sh "$work/public/api" | awk '{print "API output: " $1}'
# A lesson edit: the portal gains one lesson, is built once with the cache, then the lesson's text changes.
mkdir -p "$work/content/training/basics" && printf '# Basics\n\nFirst lesson.\n' > "$work/content/training/basics/01-first.md"
.build/release/fieldbook build "$work" >/dev/null
for run in 1 2 3; do
    echo "Edit $run." >> "$work/content/training/basics/01-first.md"
    timed "lesson edit $run"
done
remove "$trash"
