# Source me: start_postgres installs (if needed) and starts a throw-away PostgreSQL server on
# loopback and exports RESPONDERS_TEST_DATABASE_URL; stop_postgres stops it.
PG_PORT=${PG_PORT:-55432}

start_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    $sudo apt-get install -y -q --no-install-recommends postgresql
  fi
  PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  PG_DIR=$(mktemp -d /tmp/responders-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  local run=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR"; run=(su postgres -c); else run=(bash -c); fi
  "${run[@]}" "$PG_BIN/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  "${run[@]}" "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -w -o '-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1' start" >/dev/null
  export PG_BIN PG_DIR
  export RESPONDERS_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/postgres"
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  local run=(bash -c); [ "$(id -u)" -eq 0 ] && run=(su postgres -c)
  "${run[@]}" "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast stop" >/dev/null 2>&1 || true
}
