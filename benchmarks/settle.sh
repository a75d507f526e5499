# Sourced by the benchmarks. `settle` waits until ext4 reuses the inodes that deleting earlier outputs freed.
# On ext4 without a journal (this machine's), the inode allocator will not reuse an inode freed in the last 60 s, or in
# the last 6 minutes while its inode table block is not yet written back (fs/ext4/ialloc.c, `recently_deleted`), and
# it looks each such inode up in the buffer cache before passing it over: a build that creates tens of thousands of
# files minutes after tens of thousands were deleted spends a third of its time there, Hugo's too. `sync` writes the
# blocks back; then 60 s is enough. A fresh CI checkout never sees this, so no timed run may either.
settle() { sync && sleep 61; }
