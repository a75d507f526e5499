#!/usr/bin/env bash
# Times fieldbook on a generated portal side by side with Hugo (minimal theme, same Markdown) and the cmark-gfm CLI
# (the parsing floor), each run several times, with peak memory:
#   clean build     no public/, no cache (a fresh CI checkout)
#   one-file edit   a sentence appended to one document, then `fieldbook build` with the cache of the build before
#   check           `fieldbook check` (everything but writing)
# Usage: [SEED=N CHINESE_EVERY=N] benchmarks/site.sh [DOCUMENTS] [RUNS]      needs: apt install hugo cmark-gfm time
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/settle.sh
documents=${1:-10000}
runs=${2:-3}
work=/tmp/fieldbook-bench-site${SEED:+-seed$SEED}
fieldbook=$PWD/.build/release/fieldbook
swift build -c release --product fieldbook >/dev/null
# SEED and CHINESE_EVERY make a second, different corpus (e.g. SEED=2 CHINESE_EVERY=2: half the documents in Chinese).
remove "$work/portal"  # noted: generating it again would delete the old one unnoticed
swift scripts/generate-portal.swift --out "$work/portal" --documents "$documents" --seed "${SEED:-1}" --chinese-every "${CHINESE_EVERY:-5}" >/dev/null
# Hugo reads the same files: JSON front matter is one of its formats.
remove "$work/hugo" && mkdir -p "$work/hugo/layouts/_default" && cp -r "$work/portal/content" "$work/hugo/"
echo '{"baseURL": "/", "title": "Synthetic", "disableKinds": ["taxonomy", "term", "RSS", "sitemap"]}' > "$work/hugo/config.json"
echo '<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</body></html>' > "$work/hugo/layouts/_default/single.html"
echo '<!doctype html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>' > "$work/hugo/layouts/_default/list.html"
find "$work/portal/content" -name '*.md' -print0 | xargs -0 cat > "$work/all.md"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr); $documents documents, $(du -sh "$work/portal/content" | cut -f1)"

# Outputs of earlier runs are moved aside, not deleted, until the end: on ext4, creating files and folders minutes
# after deleting many others is much slower (benchmarks/settle.sh), for fieldbook and Hugo alike.
trash="$work/trash" && remove "$trash" && mkdir -p "$trash"
aside() { for path in "$@"; do if [[ -e $path ]]; then mv "$path" "$trash/$RANDOM$RANDOM"; fi; done; }
settle  # past the window for what setting up deleted (a previous run's outputs, say)
declare -A medians
# measure NAME COMMAND...: runs it $runs times, prints each run, keeps the median wall time.
measure() {
    local name=$1; shift
    local times=()
    for run in $(seq "$runs"); do
        if [[ -n ${before_each:-} ]]; then eval "$before_each"; fi
        sync  # the previous run's output reaches the disk now, not while this run is timed
        /usr/bin/time -f "%e %M" "$@" >/dev/null 2>/tmp/bench-time || true
        read -r seconds kilobytes < <(tail -1 /tmp/bench-time)
        printf '%-22s run %d: %6.2f s, %5d MB peak\n' "$name" "$run" "$seconds" $((kilobytes / 1024))
        times+=("$seconds")
    done
    medians[$name]=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
}
cd "$work/portal"
before_each='aside public .fieldbook .fieldbook-spare-public' measure "clean build" "$fieldbook" build
edited=$(find content -name '*.md' | sort | sed -n '500p')
before_each='echo "One more sentence, edit $RANDOM." >> "$edited"' measure "one-file edit" "$fieldbook" build
measure "check" "$fieldbook" check
cd - >/dev/null
before_each="aside '$work/hugo/public'" measure "hugo" bash -c "cd '$work/hugo' && hugo --quiet"
# The floor: cmark-gfm with the same extensions, two processes in parallel (one per core).
half=$(( $(stat -c %s "$work/all.md") / 2 ))
extensions="-e table -e strikethrough -e autolink -e tagfilter -e tasklist"
measure "cmark-gfm x2 (floor)" bash -c "head -c $half '$work/all.md' | cmark-gfm $extensions >/dev/null & tail -c +$((half + 1)) '$work/all.md' | cmark-gfm $extensions >/dev/null & wait"
echo "pages: fieldbook $(find "$work/portal/public" -name '*.html' | wc -l), hugo $(find "$work/hugo/public" -name '*.html' | wc -l)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
clean=${medians["clean build"]}
echo "medians: clean build $clean s, one-file edit ${medians["one-file edit"]} s, check ${medians[check]} s, hugo ${medians[hugo]} s, floor ${medians["cmark-gfm x2 (floor)"]} s"
echo "ratios: hugo / clean build $(ratio "${medians[hugo]}" "$clean"), clean build / floor $(ratio "$clean" "${medians["cmark-gfm x2 (floor)"]}"), one-file edit / clean build $(ratio "${medians["one-file edit"]}" "$clean")"
echo "throughput (clean build): $(awk -v n="$documents" -v t="$clean" 'BEGIN {printf "%.0f", n / t}') documents/s, $(du -sm "$work/portal/content" | awk -v t="$clean" '{printf "%.1f", $1 / t}') MB/s"
remove "$trash"
