#!/usr/bin/env bash
# Restores a base backup into an empty data folder and makes PostgreSQL replay the archived WAL up
# to a moment (point-in-time recovery), then open for writes. Stop the app first; start PostgreSQL on
# the folder afterwards (pg_ctl -D <data folder> start, or the service) and wait until
# SELECT pg_is_in_recovery() says false.
# Usage: restore-pitr.sh <base backup folder> <WAL archive folder> <target time|latest> <data folder>
#   target time as PostgreSQL's recovery_target_time reads it, e.g. '2026-12-07 10:15:00.123456+00'
#   (not ISO 8601 with a T: the setting refuses it)
set -euo pipefail
base="$1"
archive="$2"
target="$3"
data="$4"
if [ -d "$data" ] && [ -n "$(ls -A "$data")" ]; then
  echo "$data is not empty: restore into an empty folder (move the broken cluster aside first)" >&2
  exit 1
fi
mkdir -p "$data"
chmod 700 "$data"
tar -xzf "$base/base.tar.gz" -C "$data"
# The WAL comes from the archive; whatever pg_wal held at backup time is in base.tar.gz already.
mkdir -p "$data/pg_wal"
{
  echo "# Point-in-time recovery (deploy/backup/restore-pitr.sh)"
  echo "restore_command = 'cp \"$archive/%f\" \"%p\"'"
  if [ "$target" != "latest" ]; then
    echo "recovery_target_time = '$target'"
    echo "recovery_target_inclusive = false"
  fi
  echo "recovery_target_action = 'promote'"
} >> "$data/postgresql.auto.conf"
touch "$data/recovery.signal"
echo "Restored $base into $data; recovery target: $target"
