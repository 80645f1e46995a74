#!/usr/bin/env bash
# A local cluster: one node as N replicas sharing one chain in PostgreSQL, behind nginx as a round-robin load balancer.
#
#   scripts/cluster.sh              # PostgreSQL, 3 replicas, nginx on http://localhost:5000; Ctrl-C stops everything
#   REPLICAS=2 PORT=8080 scripts/cluster.sh
#   PORT=6400 HTTP_BASE=6410 TCP_BASE=6420 PG_PORT=6430 scripts/cluster.sh   # every port chosen
#   NODE_ARGS="--node.difficulty=3" scripts/cluster.sh                          # more settings for every replica
#
# Installs Debian's postgresql and nginx packages when missing, builds node/target/node.jar when missing. Replica i
# serves HTTP on HTTP_BASE+i (5010+i) and the binary protocol on TCP_BASE+i (5020+i; TCP miners connect to a replica
# directly); PostgreSQL listens on PG_PORT (a free port when unset). The database and logs are kept in
# target/cluster (the chain survives a restart of the cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
REPLICAS="${REPLICAS:-3}"
PORT="${PORT:-5000}"
HTTP_BASE="${HTTP_BASE:-5010}"
TCP_BASE="${TCP_BASE:-5020}"
PG_PORT="${PG_PORT:-0}"
read -r -a node_args <<< "${NODE_ARGS:-}"
DIR="$PWD/target/cluster"
mkdir -p "$DIR"

if ! command -v nginx > /dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "Installing nginx..."
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q nginx-light; } > "$DIR/apt.log" 2>&1 \
    || { echo "could not install nginx (see $DIR/apt.log)"; exit 1; }
  # the package starts the system's own nginx (port 80) where no init system stops it: only ours is wanted
  "$(command -v nginx || echo /usr/sbin/nginx)" -s quit 2> /dev/null || true
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

source scripts/java-env.sh
if [ ! -f node/target/node.jar ]; then
  echo "Building node/target/node.jar..."
  ./mvnw -B -ntp -q -DskipTests package
fi

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping the cluster..."
  [ -f "$DIR/nginx.pid" ] && kill "$(cat "$DIR/nginx.pid")" 2> /dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  bash scripts/postgres.sh stop "$DIR/postgres"
  echo "Stopped."
}
trap stop_all INT TERM EXIT

echo "Starting PostgreSQL..."
URL="$(bash scripts/postgres.sh start "$DIR/postgres" "$PG_PORT" | tail -1)"
echo "  $URL"

upstreams=""
for i in $(seq 1 "$REPLICAS"); do
  http=$((HTTP_BASE + i)); tcp=$((TCP_BASE + i))
  java -jar node/target/node.jar --server.port="$http" --node.tcp.port="$tcp" --node.store=postgres \
    --spring.datasource.url="$URL" "${node_args[@]}" > "$DIR/replica-$i.log" 2>&1 &
  pids+=("$!")
  upstreams+="    server 127.0.0.1:$http max_fails=1 fail_timeout=2s;"$'\n'
done
for i in $(seq 1 "$REPLICAS"); do
  http=$((HTTP_BASE + i))
  for _ in $(seq 1 300); do # a busy 2-core machine starting three JVMs at once may take minutes
    curl -sf "http://127.0.0.1:$http/actuator/health" > /dev/null && break
    kill -0 "${pids[$((i - 1))]}" 2> /dev/null || { echo "replica $i died: see $DIR/replica-$i.log"; exit 1; }
    sleep 1
  done
  curl -sf "http://127.0.0.1:$http/actuator/health" > /dev/null \
    || { echo "replica $i is not healthy after 5 minutes: see $DIR/replica-$i.log"; exit 1; }
  echo "  replica $i: http://127.0.0.1:$http (TCP miners: 127.0.0.1:$((TCP_BASE + i)))"
done

mkdir -p "$DIR/nginx"
cat > "$DIR/nginx.conf" << EOF
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $DIR/nginx; proxy_temp_path $DIR/nginx; fastcgi_temp_path $DIR/nginx;
  uwsgi_temp_path $DIR/nginx; scgi_temp_path $DIR/nginx;
  upstream replicas {
$upstreams    keepalive 64;
  }
  server {
    listen $PORT;
    location / {
      proxy_pass http://replicas;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      # a replica that is down is skipped; a POST is never sent twice (it could forge a block twice)
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      # the dashboard's server-sent events stream
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
EOF
"$NGINX" -c "$DIR/nginx.conf" -p "$DIR/nginx" -g 'daemon off;' 2> "$DIR/nginx/stderr.log" &
pids+=("$!")
sleep 1
kill -0 "${pids[-1]}" 2> /dev/null || { cat "$DIR/nginx/stderr.log"; exit 1; }

echo
echo "Cluster up: $REPLICAS replicas on one chain."
echo "  miners (HTTP) and dashboard:  http://localhost:$PORT/"
echo "  e.g. java -jar client-miner/target/client-miner.jar http://localhost:$PORT"
echo "Ctrl-C stops everything."
wait -n "${pids[@]}" || true # Ctrl-C, or a process of the cluster ended (logs in target/cluster)
