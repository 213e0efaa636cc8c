#!/usr/bin/env bash
# Takes a base backup of the running cluster with pg_basebackup: the starting point that the
# archived WAL (archive-wal.sh) replays forward to any moment after it (restore-pitr.sh).
# Run it daily; keep the base backups and the WAL since the oldest one you keep.
# Usage: base-backup.sh <backup folder> [pg_basebackup connection options, e.g. -h db -U replicator]
# Writes <backup folder>/base-<UTC time>/ (base.tar.gz, backup_manifest) and prints that folder.
set -euo pipefail
target="$1"
shift
name="base-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
pg_basebackup -D "$target/$name.partial" -Ft -z -X fetch --checkpoint=fast --label="medkarta $name" "$@"
mv "$target/$name.partial" "$target/$name"
echo "$target/$name"
