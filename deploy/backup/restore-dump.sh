#!/usr/bin/env bash
# Restores a dump.sh file into a new, empty database (create it first: createdb medkarta_restored),
# with the same owner as before. Point the app at it (MEDKARTA_DB_URL) and start it: Flyway finds
# the schema up to date, and java -jar medkarta.jar --verify-audit checks the audit chain.
# Usage: restore-dump.sh <dump file> [pg_restore connection options] <database>
set -euo pipefail
file="$1"
shift
database="${*: -1}"
options=("${@:1:$#-1}")
pg_restore --exit-on-error --no-owner -d "$database" "${options[@]}" "$file"
echo "Restored $file into $database"
