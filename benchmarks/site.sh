#!/usr/bin/env bash
# Times a clean `fieldbook build` of a generated portal side by side with Hugo (minimal theme, same Markdown) and
# the cmark-gfm CLI (the parsing floor), each run several times, with peak memory.
# Usage: benchmarks/site.sh [DOCUMENTS] [RUNS]      needs: apt install hugo cmark-gfm time
set -euo pipefail
cd "$(dirname "$0")/.."
documents=${1:-10000}
runs=${2:-3}
work=/tmp/fieldbook-bench-site
swift build -c release --product fieldbook >/dev/null
swift scripts/generate-portal.swift --out "$work/portal" --documents "$documents" >/dev/null
# Hugo reads the same files: JSON front matter is one of its formats.
rm -rf "$work/hugo" && mkdir -p "$work/hugo/layouts/_default" && cp -r "$work/portal/content" "$work/hugo/"
echo '{"baseURL": "/", "title": "Synthetic", "disableKinds": ["taxonomy", "term", "RSS", "sitemap"]}' > "$work/hugo/config.json"
echo '<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</body></html>' > "$work/hugo/layouts/_default/single.html"
echo '<!doctype html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>' > "$work/hugo/layouts/_default/list.html"
find "$work/portal/content" -name '*.md' -print0 | xargs -0 cat > "$work/all.md"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); $documents documents, $(du -sh "$work/portal/content" | cut -f1)"
measure() {
    local name=$1; shift
    for run in $(seq "$runs"); do
        /usr/bin/time -f "$name run $run: %e s, %M KB peak" "$@" >/dev/null 2>/tmp/bench-time || true
        tail -1 /tmp/bench-time
    done
}
measure "fieldbook build" .build/release/fieldbook build "$work/portal"
measure "hugo" bash -c "cd '$work/hugo' && rm -rf public && hugo --quiet"
# The floor: cmark-gfm with the same extensions, two processes in parallel (one per core).
measure "cmark-gfm x2" bash -c "head -c \$(( \$(stat -c %s '$work/all.md') / 2 )) '$work/all.md' | cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist >/dev/null & tail -c +\$(( \$(stat -c %s '$work/all.md') / 2 + 1 )) '$work/all.md' | cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist >/dev/null & wait"
echo "pages: fieldbook $(find "$work/portal/public" -name '*.html' | wc -l), hugo $(find "$work/hugo/public" -name '*.html' | wc -l)"
