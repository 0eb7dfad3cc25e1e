#!/bin/sh
# Run by Trunk after each build (Trunk.toml): names the link-worker app's cache after this
# release. Replaces VERSION in the built link-worker/sw.js with a hash of the files it precaches
# (its own FILES list, the page and sw.js itself), so a release that changes any of them is a new
# sw.js, which browsers install as an update, into a new cache.
set -eu
dir="$TRUNK_STAGING_DIR/link-worker"
sw="$dir/sw.js"
# The quoted entries of `const FILES = [ … ];` (PAGE, './', is index.html).
files=$(sed -n '/^const FILES = \[/,/^\];/p' "$sw" | sed -n "s/^ *'\([^']*\)',\{0,1\}\$/\1/p")
[ -n "$files" ] || { echo "stamp.sh: no FILES list in $sw" >&2; exit 1; }
cd "$dir"
version=$(for f in sw.js index.html $files; do printf '%s\n' "$f"; cat "$f"; done | sha256sum | cut -c1-16)
sed -i "s/^const VERSION = 'development';\$/const VERSION = '$version';/" sw.js
grep -q "^const VERSION = '$version';\$" sw.js || { echo "stamp.sh: VERSION not set in $sw" >&2; exit 1; }
