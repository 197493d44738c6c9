#!/usr/bin/env bash
# Install the pgvector extension into the local PostgreSQL 15 cluster, idempotently.
#
# Debian bookworm ships no pgvector package, so we download Debian trixie's
# *source* package (using a private, throw-away apt state dir so the system's
# sources.list / lists / cache are never touched) and build it with PGXS
# against PG 15.
#
# Env (optional): PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres).
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
export DEBIAN_FRONTEND=noninteractive

PG_MAJOR=15
PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

log() { echo "[pgvector] $*"; }
die() { echo "[pgvector] ERROR: $*" >&2; exit 1; }

WORK=""
cleanup() { if [[ -n "$WORK" && -d "$WORK" ]]; then rm -rf "$WORK"; fi; }
trap cleanup EXIT

# Run a command with stdout captured to a log (stderr stays visible);
# on failure dump the captured log so the cause is not lost.
quiet() {
  local logf="${WORK:-/tmp}/cmd.$$.log"
  if ! "$@" >"$logf"; then
    echo "[pgvector] command failed: $*" >&2
    tail -n 50 "$logf" >&2 || true
    rm -f "$logf"
    return 1
  fi
  rm -f "$logf"
}

vector_available() {
  [[ "$(psql -X -Atq -d postgres -c "SELECT 1 FROM pg_available_extensions WHERE name='vector'" 2>/dev/null)" == "1" ]]
}

# --- 0. make sure the server is up (start only if it is not) ----------------
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  log "PostgreSQL not ready at ${PGHOST}:${PGPORT}; starting cluster ${PG_MAJOR}/main"
  pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" main start
  for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
  pg_isready -q -h "$PGHOST" -p "$PGPORT" || die "PostgreSQL did not become ready"
fi

# --- 1. fast path -------------------------------------------------------------
if vector_available; then
  log "vector extension already available in PostgreSQL at ${PGHOST}:${PGPORT}; nothing to do"
  exit 0
fi

log "vector extension not available; building pgvector from Debian trixie source"
WORK="$(mktemp -d /tmp/pgvector.XXXXXX)"
# apt drops privileges to _apt for downloads; let it traverse our temp dir
# (otherwise apt falls back to unsandboxed root downloads with a warning).
chmod 755 "$WORK"

# --- 2. build dependencies ------------------------------------------------------
need_pkgs=()
dpkg -s "postgresql-server-dev-${PG_MAJOR}" >/dev/null 2>&1 || need_pkgs+=("postgresql-server-dev-${PG_MAJOR}")
{ command -v make >/dev/null && command -v gcc >/dev/null; } || need_pkgs+=(build-essential)
if ((${#need_pkgs[@]})); then
  log "installing ${need_pkgs[*]}"
  apt_install() { quiet apt-get -qq -o Dpkg::Use-Pty=0 install -y --no-install-recommends "${need_pkgs[@]}"; }
  # Only refresh the system package lists if the install fails with the current ones.
  if ! apt_install 2>/dev/null; then
    log "install failed with current package lists; running apt-get update and retrying"
    quiet apt-get -qq update
    apt_install
  fi
fi
[[ -x "$PG_CONFIG" ]] || die "$PG_CONFIG not found after installing postgresql-server-dev-${PG_MAJOR}"

# --- 3. download trixie's pgvector source package via a private apt state ------
# Reuse the Debian mirror this machine is already configured with.
MIRROR="$(
  { grep -hs -E '^[[:space:]]*URIs:' /etc/apt/sources.list.d/*.sources | awk '{for (i=2;i<=NF;i++) print $i}'
    grep -hs -E '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
      | sed -E 's/\[[^]]*\]//' | awk '{print $2}'
  } | grep -E '^https?://[^ ]+/debian/?$' | head -n1 || true
)"
MIRROR="${MIRROR%/}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"

S="$WORK/apt"
mkdir -p "$S/lists/partial" "$S/cache/archives/partial"
signed_by=""
# Verify the trixie Release signature against the Debian archive keyring that
# is already installed (debian-archive-keyring on bookworm includes the trixie keys).
[[ -r "$KEYRING" ]] && signed_by="[signed-by=${KEYRING}] "
echo "deb-src ${signed_by}${MIRROR} trixie main" >"$S/sources.list"
O=(-o "Dir::Etc::sourcelist=$S/sources.list" -o "Dir::Etc::sourceparts=-"
   -o "Dir::State::Lists=$S/lists" -o "Dir::Cache=$S/cache")

log "fetching trixie source index from ${MIRROR} (private apt state)"
quiet apt-get -qq "${O[@]}" update
log "downloading pgvector source package"
# The download dir must be writable by the unprivileged _apt sandbox user.
DL="$WORK/dl"
mkdir -p "$DL"
if id _apt >/dev/null 2>&1; then chown _apt "$DL"; fi
(cd "$DL" && quiet apt-get -qq "${O[@]}" source --download-only pgvector)

# --- 4. build & install ----------------------------------------------------------
shopt -s nullglob
orig=("$DL"/pgvector_*.orig.tar.*)
shopt -u nullglob
((${#orig[@]} == 1)) || die "expected exactly one pgvector_*.orig.tar.* in $DL, found ${#orig[@]}"
log "building $(basename "${orig[0]}") against $("$PG_CONFIG" --version)"
mkdir -p "$WORK/src"
tar -xf "${orig[0]}" -C "$WORK/src"
srcdir="$(find "$WORK/src" -mindepth 1 -maxdepth 1 -type d | head -n1)"
[[ -n "$srcdir" && -f "$srcdir/Makefile" ]] || die "unpacked source has no Makefile"
# OPTFLAGS="" drops pgvector's default -march=native so the build is portable.
quiet make -C "$srcdir" -j"$(nproc)" OPTFLAGS="" PG_CONFIG="$PG_CONFIG"
log "installing"
quiet make -C "$srcdir" install OPTFLAGS="" PG_CONFIG="$PG_CONFIG"

# --- 5. verify -------------------------------------------------------------------
if ! vector_available; then
  die "pgvector was built and installed but 'vector' is not listed in pg_available_extensions at ${PGHOST}:${PGPORT}"
fi
ver="$(psql -X -Atq -d postgres -c "SELECT default_version FROM pg_available_extensions WHERE name='vector'")"
log "done: vector ${ver} is available"
