#!/bin/sh
# Back up the central server's PostgreSQL database into SUQING_BACKUP_DIR (pg_dump's custom
# format, restored with pg_restore), then delete backups older than SUQING_BACKUP_KEEP_DAYS.
# Run daily by suqing-backup.timer with /etc/suqing-server/server.env; see
# docs/server-deployment.md for the restore. A SQLite server: see the guide (sqlite3 .backup).
set -eu
: "${SUQING_DATABASE_URL:?not set (EnvironmentFile=/etc/suqing-server/server.env)}"
dir="${SUQING_BACKUP_DIR:-/var/backups/suqing-server}"
keep="${SUQING_BACKUP_KEEP_DAYS:-14}"
case "$SUQING_DATABASE_URL" in
    postgresql*) ;;
    *) echo "suqing-backup: $SUQING_DATABASE_URL is not PostgreSQL" >&2; exit 2 ;;
esac
# libpq takes the URL without SQLAlchemy's driver name (postgresql+psycopg:// -> postgresql://).
url=$(printf '%s' "$SUQING_DATABASE_URL" | sed 's#^postgresql+[A-Za-z0-9_]*://#postgresql://#')
stamp=$(date -u +%Y%m%dT%H%M%SZ)
umask 077  # the dump holds personal data
mkdir -p "$dir"
# Written under a temporary name first: a dump cut short never looks like a backup.
pg_dump --format=custom --no-owner --file="$dir/suqing-$stamp.dump.partial" "$url"
mv "$dir/suqing-$stamp.dump.partial" "$dir/suqing-$stamp.dump"
find "$dir" -name 'suqing-*.dump' -mtime +"$keep" -delete
find "$dir" -name 'suqing-*.dump.partial' -mmin +1440 -delete
echo "suqing-backup: $dir/suqing-$stamp.dump"
