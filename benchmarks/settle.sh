# Sourced by the benchmarks: `remove` deletes what a benchmark leaves, `settle` comes before the first timed run.
#
# On ext4 without a journal (this machine's), the inode allocator passes over an inode freed less than 60 s ago, or
# less than 360 s ago while its inode-table block is dirty (fs/ext4/ialloc.c, `recently_deleted`), looking each one up
# in the buffer cache; and a build that creates files dirties those blocks. So for about six minutes after tens of
# thousands of files are deleted, every file and folder a build creates costs several times its usual system time:
# the data-only portal of benchmarks/data-engine.sh built in 15.9 s (12.4 s of it system time) 2.5 minutes after an
# earlier benchmark deleted its outputs, in 10.5 s (2.7 s system) 6.6 minutes after. A fresh CI checkout never sees
# this, so no timed run may either: `remove` notes when it deleted something, and `settle` waits out the six minutes.
stamp=/tmp/fieldbook-bench-removed

# remove PATH...: deletes each path that exists, noting the time if any did.
remove() {
    local path deleted=""
    for path in "$@"; do if [[ -e $path ]]; then rm -rf "$path" && deleted=1; fi; done
    if [[ -n $deleted ]]; then date +%s > "$stamp"; fi
}

settle() {
    sync
    local wait=$(($(cat "$stamp" 2>/dev/null || echo 0) + 361 - $(date +%s)))
    if ((wait > 0)); then
        echo "waiting $wait s: ext4 creates files slowly for six minutes after many were deleted (benchmarks/settle.sh)" >&2
        sleep "$wait"
    fi
}
