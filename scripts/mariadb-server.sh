# Sourced by the scripts that run Debian's MariaDB server themselves, outside any system service (two-nodes.sh,
# outage-test.sh): one mariadbd with its own data folder, socket, pid file and port, bound to 127.0.0.1. Every wait
# is bounded. A server DIR keeps its socket, pid file and log next to it: DIR.sock, DIR.pid, DIR.log.

# mariadb_ensure LOG: installs Debian's mariadb-server with apt-get when mariadbd or mariadb-install-db is missing.
mariadb_ensure() {
  if ! command -v mariadbd >/dev/null || ! command -v mariadb-install-db >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends mariadb-server >"$1"
  fi
}

# mariadb_init DIR: a fresh data folder (root logs in through the socket only); its output in DIR-install.log.
mariadb_init() {
  mariadb-install-db --no-defaults --datadir="$1" --user="$(id -un)" --auth-root-authentication-method=socket \
    --skip-test-db >"$1-install.log" 2>&1
}

# mariadb_start DIR PORT: starts mariadbd on the data folder DIR (appending to DIR.log) and waits until it answers
# (at most 2 minutes); its pid in $mariadb_pid. Exits the script when the server stops or does not answer in time.
mariadb_start() {
  local dir=$1 port=$2
  mariadbd --no-defaults --datadir="$dir" --port="$port" --bind-address=127.0.0.1 --socket="$dir.sock" \
    --pid-file="$dir.pid" --user="$(id -un)" --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci --max-connections=200 >>"$dir.log" 2>&1 &
  mariadb_pid=$!
  # a short poll: outage-test.sh takes the moment this returns as the moment the database was back
  for _ in $(seq 1 600); do
    mariadb_sql "$dir" -e 'SELECT 1' >/dev/null 2>&1 && return 0
    kill -0 "$mariadb_pid" 2>/dev/null || { echo "mariadbd on $dir stopped; see $dir.log" >&2; tail -n 30 "$dir.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "mariadbd on $dir did not answer within 2 minutes; see $dir.log" >&2
  exit 1
}

# mariadb_sql DIR ARGS...: the server's own client as root over the socket (statements on stdin or with -e).
mariadb_sql() {
  local dir=$1; shift
  mariadb --no-defaults -S "$dir.sock" -u root "$@"
}

# mariadb_app_database DIR: creates the database spiegel and its user spiegel@127.0.0.1 with a new random password,
# which it prints.
mariadb_app_database() {
  local password
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  mariadb_sql "$1" <<SQL
CREATE DATABASE spiegel CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'spiegel'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON spiegel.* TO 'spiegel'@'127.0.0.1';
SQL
  echo "$password"
}
