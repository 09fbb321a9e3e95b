#!/usr/bin/env bash
# Two Spiegel nodes behind nginx on one MariaDB, on this machine only (127.0.0.1), with a load run through nginx
# during which one node is killed: its people reload and continue on the other node.
#
#   scripts/two-nodes.sh [--people 60] [--ramp 15] [--duration 60] [--think 5] [--kill-after 30] [--jar PATH]
#
# What it does, step by step (every wait is bounded in count and time; it only kills processes it started):
#   1. uses the production jar (builds it with `./mvnw -Pproduction package -DskipTests` when --jar is not given and
#      target/spiegel-*.jar is missing);
#   2. starts ONE MariaDB server (Debian's mariadb-server; installed with apt-get when missing) with its own data
#      folder and port in a temporary work folder, bound to 127.0.0.1, and creates the database and a user;
#   3. starts two app nodes (profile prod) on two ports against it, with the same encryption key;
#   4. starts nginx (Debian's package, installed when missing) as its own process with a configuration in the work
#      folder, not the system service: sticky sessions by a route cookie nginx sets itself (SPIEGEL_ROUTE=n1/n2,
#      from the node that answered), the other node as backup when a node is down, and the WebSocket upgrade for
#      Push. Why not ip_hash: every virtual person of the load client comes from 127.0.0.1, so all would land on one
#      node. Why not a hash of JSESSIONID: the first request has no session cookie yet, so the session is made on
#      one node and the hash of the new id may point at the other;
#   5. runs the load client (src/test/java/nl/spiegel/load/LoadClient.java) through nginx and kills node 1 (SIGKILL,
#      as a crash) --kill-after seconds into the measured part of the run. The people of node 1 get an error, reload
#      (same visitor cookie, new server session, now on node 2) and the client counts how many came back at the
#      same step (their last written answer is on the screen again);
#   6. prints the load client's figures, which node served how many requests before and after the kill (from
#      nginx's access log), `uptime` before and after, and stops everything it started.
#
# Logs and results stay in the work folder it prints (/tmp/spiegel-two-nodes.*). Ports: DB_PORT (33306), NODE1_PORT
# (18081), NODE2_PORT (18082), NGINX_PORT (18080) from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
source scripts/app-process.sh
source scripts/mariadb-server.sh

people=60 ramp=15 duration=60 think=5 kill_after=30 jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --people) people=$2 ;; --ramp) ramp=$2 ;; --duration) duration=$2 ;; --think) think=$2 ;;
    --kill-after) kill_after=$2 ;; --jar) jar=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
db_port=${DB_PORT:-33306} node1_port=${NODE1_PORT:-18081} node2_port=${NODE2_PORT:-18082} nginx_port=${NGINX_PORT:-18080}

for port in "$db_port" "$node1_port" "$node2_port" "$nginx_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port on 127.0.0.1 is in use; set DB_PORT, NODE1_PORT, NODE2_PORT or NGINX_PORT" >&2
    exit 1
  fi
done

work=$(mktemp -d /tmp/spiegel-two-nodes.XXXXXX)
chmod 755 "$work"
echo "work folder: $work"
db_pid="" node1_pid="" node2_pid="" nginx_pid=""

cleanup() {
  stop_process "$nginx_pid"; stop_process "$node1_pid"; stop_process "$node2_pid"; stop_process "$db_pid"
  wait 2>/dev/null || true
}
trap cleanup EXIT

# 1. the production jar
jar=$(spiegel_jar "$jar")
echo "jar: $jar"

# 2. one MariaDB server
mariadb_ensure "$work/apt-mariadb.log"
mariadb_init "$work/db"
mariadb_start "$work/db" "$db_port"
db_pid=$mariadb_pid
db_password=$(mariadb_app_database "$work/db")
echo "MariaDB $(mariadb --no-defaults -S "$work/db.sock" -u root -N -e 'SELECT VERSION()') on 127.0.0.1:$db_port (pid $db_pid)"

# 3. two app nodes
crypto_key="k1:$(head -c 32 /dev/urandom | base64)"
start_node() { # name port -> pid in $started
  local name=$1 port=$2
  SPRING_PROFILES_ACTIVE=prod \
  SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:$db_port/spiegel" \
  SPRING_DATASOURCE_USERNAME=spiegel SPRING_DATASOURCE_PASSWORD="$db_password" \
  SPIEGEL_CRYPTO_KEYS="$crypto_key" \
  SPIEGEL_PROXY_TRUSTEDADDRESSES=127.0.0.1 \
  SERVER_SERVLET_SESSION_COOKIE_SECURE=false \
    "$JAVA_HOME/bin/java" -Xmx1g -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
    --management.server.port=0 >"$work/$name.log" 2>&1 &
  started=$!
}
t0=$(date +%s)
# one after the other: the first runs the database migrations, and two cold starts at once are slow on 2 cores
start_node n1 "$node1_port"; node1_pid=$started; wait_for_page n1 "$node1_port" "$node1_pid" "$work/n1.log"
start_node n2 "$node2_port"; node2_pid=$started; wait_for_page n2 "$node2_port" "$node2_pid" "$work/n2.log"
echo "nodes up after $(( $(date +%s) - t0 )) s: n1 127.0.0.1:$node1_port (pid $node1_pid), n2 127.0.0.1:$node2_port (pid $node2_pid)"

# 4. nginx in front
if ! command -v nginx >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx-light >"$work/apt-nginx.log"
fi
mkdir -p "$work/nginx/tmp"
chmod 777 "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;

    # sticky: the route cookie names the node that answered last; no cookie yet: either node in turn
    map \$cookie_SPIEGEL_ROUTE \$spiegel_route {
        n1      spiegel_n1;
        n2      spiegel_n2;
        default spiegel_any;
    }
    # after a failover \$upstream_addr lists the node that failed and the one that answered: the last one counts
    map \$upstream_addr \$answered_by {
        ~:$node1_port\$ n1;
        ~:$node2_port\$ n2;
        default '';
    }
    # Push: upgrade to a WebSocket when the browser asks for it
    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ''      '';
    }
    upstream spiegel_n1 { server 127.0.0.1:$node1_port max_fails=1 fail_timeout=30s; server 127.0.0.1:$node2_port backup; keepalive 32; }
    upstream spiegel_n2 { server 127.0.0.1:$node2_port max_fails=1 fail_timeout=30s; server 127.0.0.1:$node1_port backup; keepalive 32; }
    upstream spiegel_any { server 127.0.0.1:$node1_port max_fails=1 fail_timeout=30s; server 127.0.0.1:$node2_port max_fails=1 fail_timeout=30s; keepalive 32; }

    log_format spiegel '\$msec \$upstream_addr \$status';
    server {
        listen 127.0.0.1:$nginx_port;
        access_log $work/nginx/access.log spiegel;
        location / {
            proxy_pass http://\$spiegel_route;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_set_header Host \$host:\$server_port;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_read_timeout 1h;
            add_header Set-Cookie "SPIEGEL_ROUTE=\$answered_by; Path=/; HttpOnly; SameSite=Lax" always;
        }
    }
}
NGINX
nginx -t -c "$work/nginx/nginx.conf" -p "$work/nginx" >"$work/nginx/test.log" 2>&1 \
  || { cat "$work/nginx/test.log" >&2; exit 1; }
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 40); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$nginx_port/" || true)" = 200 ] && break; sleep 0.25
done
for _ in 1 2; do
  curl -s -o /dev/null -D - "http://127.0.0.1:$nginx_port/" | grep -i '^set-cookie: SPIEGEL_ROUTE' | sed 's/;.*//' \
    | sed 's/^/through nginx, a new visitor: /'
done

# 5. the load run, and the crash of node 1 in the middle of it
echo "uptime before: $(uptime)"
start_epoch=$(date +%s.%N)
timeout $(( ramp + duration + 120 )) "$JAVA_HOME/bin/java" -Xss512k src/test/java/nl/spiegel/load/LoadClient.java \
  --base "http://127.0.0.1:$nginx_port" --people "$people" --ramp "$ramp" --duration "$duration" --think "$think" \
  --out "$work/load" --watch "n1=$node1_pid,n2=$node2_pid,mariadbd=$db_pid" >"$work/load.out" 2>&1 &
load_pid=$!
sleep $(( ramp + kill_after ))
echo "uptime at the kill: $(uptime)"
kill_epoch=$(date +%s.%N)
kill -9 "$node1_pid"
wait "$node1_pid" 2>/dev/null || true
echo "killed node n1 (pid $node1_pid) $(echo "$kill_epoch - $start_epoch" | bc | cut -d. -f1) s into the run"
node1_pid=""
load_rc=0
wait "$load_pid" || load_rc=$?
echo "uptime after: $(uptime)"

# 6. figures
echo "---- load client (exit code $load_rc; errors are the requests that were in flight or waiting on node n1) ----"
cat "$work/load.out"
echo "---- requests per node from nginx's access log ----"
awk -v kill="$kill_epoch" '{ when = ($1 < kill) ? "before-kill" : "after-kill"; n[when " " $2]++ }
  END { for (k in n) print k, n[k] }' "$work/nginx/access.log" | sort
echo "logs: $work"
