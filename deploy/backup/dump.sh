#!/usr/bin/env bash
# The small clinic's backup: a consistent pg_dump of the database in PostgreSQL's custom format
# (compressed, restorable table by table). Restores to the moment of the dump only; for any moment
# in between use base-backup.sh with WAL archiving.
# Usage: dump.sh <backup folder> [pg_dump connection options] <database>
set -euo pipefail
target="$1"
shift
mkdir -p "$target"
file="$target/medkarta-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump -Fc -f "$file.partial" "$@"
mv "$file.partial" "$file"
echo "$file"
