#!/usr/bin/env bash
# PostgreSQL's archive_command: copies one finished WAL segment into the archive, never over an
# existing one, and reports success only once the copy is on disk under its final name.
#   archive_command = '/opt/medkarta/backup/archive-wal.sh %p %f /backup/wal'
# Usage: archive-wal.sh <path of the segment> <file name> <archive folder>
set -euo pipefail
segment="$1"
name="$2"
archive="$3"
if [ -f "$archive/$name" ]; then
  # Archived before (a retry after a crash): fine only if it is the very same file.
  cmp -s "$segment" "$archive/$name"
  exit $?
fi
cp "$segment" "$archive/$name.partial"
sync "$archive/$name.partial" 2> /dev/null || true
mv "$archive/$name.partial" "$archive/$name"
