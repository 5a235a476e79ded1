#!/usr/bin/env bash
# Installs and starts a real PostgreSQL 15 server with pgvector >= 0.8 for the integration
# suite (ARCHITECTURE.md §2, §7). Idempotent: a second run only checks and reuses.
# Progress goes to stderr; stdout gets exactly one line, so a caller can do
#   export "$(bash scripts/setup-postgres.sh)"
# which sets TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:54329/oracle_test
set -euo pipefail

# Explicit paths: /usr/local/bin may hold a pg_ctl/initdb from some other install.
readonly PG_BIN=/usr/lib/postgresql/15/bin
readonly PG_CONFIG=$PG_BIN/pg_config
readonly VECTOR_CONTROL=/usr/share/postgresql/15/extension/vector.control
readonly VECTOR_LIBRARY=/usr/lib/postgresql/15/lib/vector.so
readonly MIN_VECTOR_VERSION=0.8
readonly PACKAGES=(postgresql-15 postgresql-server-dev-15 build-essential)
readonly TRIXIE_SOURCES=/etc/apt/sources.list.d/trixie-src.sources
readonly DEFAULT_MIRROR=http://deb.debian.org/debian
readonly ARCHIVE_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
# A cluster of our own rather than Debian's "main": no systemd needed, no clash on 5432.
readonly PG_ROOT=/var/lib/oracle-pg
readonly PG_DATA=$PG_ROOT/data
readonly PG_LOG=$PG_ROOT/postgres.log
readonly PG_PORT=54329
readonly DB_NAME=oracle_test
readonly DB_PASSWORD=postgres
readonly TEST_DATABASE_URL="postgres://postgres:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME"

export DEBIAN_FRONTEND=noninteractive
exec 3>&1 1>&2

log() { echo "[setup-postgres $(date +%H:%M:%S)] $*"; }

is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing_packages() {
  local pkg
  for pkg in "${PACKAGES[@]}"; do is_installed "$pkg" || echo "$pkg"; done
}

installed_vector_version() {
  [[ -f $VECTOR_CONTROL ]] || return 0
  sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" "$VECTOR_CONTROL"
}

vector_is_recent() {
  local version
  version=$(installed_vector_version)
  [[ -n $version && -f $VECTOR_LIBRARY ]] && dpkg --compare-versions "$version" ge "$MIN_VECTOR_VERSION"
}

# The mirror this machine already uses for bookworm, from either sources format.
bookworm_mirror() {
  local mirror
  mirror=$(
    {
      cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        awk '$1 == "deb" { i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                           if ($(i + 1) == "bookworm") print $i }'
      cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
        awk 'BEGIN { RS = ""; FS = "\n" }
             { uris = ""; suites = ""; enabled = 1
               for (k = 1; k <= NF; k++) {
                 line = $k
                 if (line ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", line); uris = line }
                 else if (line ~ /^Suites:/) { sub(/^Suites:[ \t]*/, "", line); suites = " " line " " }
                 else if (line ~ /^Enabled:[ \t]*no/) enabled = 0
               }
               if (enabled && suites ~ / bookworm /) { split(uris, u, " "); print u[1] } }'
    } | head -n 1
  )
  echo "${mirror:-$DEFAULT_MIRROR}"
}

# deb-src only: trixie's pgvector source can be fetched, but no trixie binary can ever
# be a candidate for installation.
write_trixie_sources() {
  local wanted
  wanted=$(printf '%s\n' \
    '# Source packages only: pgvector >= 0.8 is built from trixie (scripts/setup-postgres.sh).' \
    'Types: deb-src' \
    "URIs: $(bookworm_mirror)" \
    'Suites: trixie' \
    'Components: main' \
    "Signed-By: $ARCHIVE_KEYRING")
  if [[ ! -f $TRIXIE_SOURCES || $(cat "$TRIXIE_SOURCES") != "$wanted" ]]; then
    log "writing $TRIXIE_SOURCES"
    echo "$wanted" >"$TRIXIE_SOURCES"
  fi
}

have_trixie_source_index() { compgen -G '/var/lib/apt/lists/*_dists_trixie_main_source_Sources*' >/dev/null; }

install_packages() {
  log "apt-get install ${*}"
  apt-get install -y -q --no-install-recommends "$@"
}

build_pgvector() {
  local work src
  work=$(mktemp -d)
  # apt downloads as the unprivileged _apt user when it may write the target directory.
  chown _apt "$work" 2>/dev/null || true
  log "downloading pgvector source from trixie into $work"
  (cd "$work" && apt-get source --download-only -q pgvector/trixie)
  tar -xzf "$work"/pgvector_*.orig.tar.gz -C "$work"
  src=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'pgvector*' | head -n 1)
  log "building $(basename "$src")"
  # OPTFLAGS= drops pgvector's default -march=native so the build runs on any x86-64 host.
  make -C "$src" -j"$(nproc)" PG_CONFIG="$PG_CONFIG" OPTFLAGS=
  make -C "$src" install PG_CONFIG="$PG_CONFIG" OPTFLAGS=
  rm -rf "$work"
}

ensure_software() {
  local missing needs_vector=false
  mapfile -t missing < <(missing_packages)
  vector_is_recent || needs_vector=true
  if ((${#missing[@]} == 0)) && ! $needs_vector; then
    log "postgresql-15 and pgvector $(installed_vector_version) already installed"
    return 0
  fi
  if $needs_vector; then write_trixie_sources; fi
  # One update serves both the package install and the trixie source index.
  log "apt-get update"
  apt-get update -q
  if ((${#missing[@]} > 0)); then install_packages "${missing[@]}"; fi
  if $needs_vector; then
    have_trixie_source_index || { log "no trixie source index after apt-get update"; exit 1; }
    build_pgvector
    vector_is_recent || { log "pgvector build did not install >= $MIN_VECTOR_VERSION"; exit 1; }
  fi
}

as_postgres() { (cd / && runuser -u postgres -- "$@"); }

psql_admin() {
  PGOPTIONS='-c client_min_messages=warning' \
    as_postgres "$PG_BIN/psql" -h "$PG_ROOT" -p "$PG_PORT" -U postgres -X -q -At -v ON_ERROR_STOP=1 "$@"
}

# The postmaster outlives this script, so it must not inherit the caller's pipes (our fd 3
# included): a `$(...)` capture or CI's log pipe would otherwise never reach end-of-file.
close_inherited_fds() {
  local fd
  for fd in /proc/self/fd/*; do
    fd=${fd##*/}
    if ((fd > 2)); then eval "exec $fd>&-"; fi
  done
}

init_cluster() {
  log "initdb $PG_DATA"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256
  # Loopback only. Durability is traded for speed: this server holds throwaway test data.
  cat >>"$PG_DATA/postgresql.conf" <<EOF

# scripts/setup-postgres.sh
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_ROOT'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

start_server() {
  install -d -o postgres -g postgres -m 0700 "$PG_ROOT"
  [[ -f $PG_DATA/PG_VERSION ]] || init_cluster
  if as_postgres "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null; then
    log "server already running on port $PG_PORT"
  else
    log "starting server on port $PG_PORT (log: $PG_LOG)"
    if ! (close_inherited_fds && as_postgres "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t 60); then
      tail -n 30 "$PG_LOG" || true
      exit 1
    fi
  fi
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 30
}

prepare_database() {
  psql_admin -d postgres -c "alter role postgres password '$DB_PASSWORD'"
  if [[ -z $(psql_admin -d postgres -c "select 1 from pg_database where datname = '$DB_NAME'") ]]; then
    log "creating database $DB_NAME"
    psql_admin -d postgres -c "create database $DB_NAME"
  fi
}

# In a scratch database, so the check leaves nothing behind in the test database.
check_vector_extension() {
  local scratch=oracle_vector_check version
  psql_admin -d postgres -c "drop database if exists $scratch" -c "create database $scratch"
  version=$(psql_admin -d "$scratch" -c 'create extension vector' \
    -c "select extversion from pg_extension where extname = 'vector'")
  psql_admin -d postgres -c "drop database $scratch"
  if ! dpkg --compare-versions "$version" ge "$MIN_VECTOR_VERSION"; then
    log "create extension vector gave version '$version', need >= $MIN_VECTOR_VERSION"
    exit 1
  fi
  log "create extension vector works (version $version)"
}

# Proves the URL itself works: TCP, password auth, database exists.
check_url() {
  "$PG_BIN/psql" "$TEST_DATABASE_URL" -X -q -At -v ON_ERROR_STOP=1 -c 'select 1' >/dev/null
  log "connected with $TEST_DATABASE_URL"
}

ensure_software
start_server
prepare_database
check_vector_extension
check_url
echo "TEST_DATABASE_URL=$TEST_DATABASE_URL" >&3
