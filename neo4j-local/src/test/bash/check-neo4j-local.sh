#!/usr/bin/env bash
# Checks scripts/neo4j-local end to end, by hand (not part of the Maven build; needs curl and ~1 min):
#
#   neo4j-local/src/test/bash/check-neo4j-local.sh
#
# Uses a temporary state directory (NEO4J_LOCAL_HOME), never <repo>/.state/neo4j, and first occupies
# the default ports 7687/7474 (unless something already does), so it also checks that the script moves
# to free ports and remembers them. Checks: start, idempotent start, status, env, Cypher over HTTP,
# a Bolt handshake, a wrong password refused, password never printed, stop, data kept across a
# restart, a taken explicit port refused.
set -euo pipefail

self=$(readlink -f -- "${BASH_SOURCE[0]}")
REPO_ROOT=$(cd -- "$(dirname -- "$self")/../../../.." && pwd -P)
SCRIPT=$REPO_ROOT/scripts/neo4j-local
TOOL_CP=$REPO_ROOT/neo4j-local/target/classes

export NEO4J_LOCAL_HOME
NEO4J_LOCAL_HOME=$(mktemp -d "${TMPDIR:-/tmp}/neo4j-local-check-XXXXXX")
unset NEO4J_LOCAL_BOLT_PORT NEO4J_LOCAL_HTTP_PORT
blocker_pid=""
failures=0

cleanup() {
  "$SCRIPT" stop >/dev/null 2>&1 || true
  [[ -n $blocker_pid ]] && kill "$blocker_pid" 2>/dev/null || true
  rm -rf "$NEO4J_LOCAL_HOME"
}
trap cleanup EXIT

pass() { echo "ok   - $*"; }
fail() { echo "FAIL - $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

cypher() { # cypher USER PASSWORD STATEMENT -> prints "HTTP_CODE BODY"
  curl -s -w ' %{http_code}' -u "$1:$2" -H 'Content-Type: application/json' \
    -d "{\"statements\":[{\"statement\":\"$3\"}]}" "$NEO4J_HTTP_URI/db/neo4j/tx/commit"
}

# Occupy the default ports with a plain Java listener, unless something already listens there.
blocker_src=$NEO4J_LOCAL_HOME/Blocker.java
cat > "$blocker_src" <<'EOF'
import java.net.*; import java.util.*;
public class Blocker { public static void main(String[] a) throws Exception {
  List<ServerSocket> s = new ArrayList<>();
  for (String p : a) { try { s.add(new ServerSocket(Integer.parseInt(p), 50, InetAddress.getLoopbackAddress())); } catch (BindException e) { } }
  System.out.println("blocking"); System.out.flush(); Thread.sleep(Long.MAX_VALUE); } }
EOF
java "$blocker_src" 7687 7474 > "$NEO4J_LOCAL_HOME/blocker.out" &
blocker_pid=$!
for _ in $(seq 1 50); do grep -q blocking "$NEO4J_LOCAL_HOME/blocker.out" 2>/dev/null && break; sleep 0.2; done

echo "# state dir $NEO4J_LOCAL_HOME"
start_out=$("$SCRIPT" start 2>&1) || { echo "$start_out"; fail "start"; exit 1; }
echo "$start_out" | sed 's/^/#   /'
pass "start"
check "status says running (exit 0)" "$SCRIPT" status
again=$("$SCRIPT" start 2>&1)
check "second start says already running" grep -q "already running" <<<"$again"

env_out=$("$SCRIPT" env)
eval "$env_out"
check "env exports the four variables" test -n "${NEO4J_URI:-}" -a -n "${NEO4J_HTTP_URI:-}" -a "${NEO4J_USERNAME:-}" = neo4j -a -n "${NEO4J_PASSWORD:-}"
BOLT_PORT=${NEO4J_URI##*:} HTTP_PORT=${NEO4J_HTTP_URI##*:}
check "default ports taken by another program: moved (bolt $BOLT_PORT, http $HTTP_PORT)" \
  test "$BOLT_PORT" != 7687 -a "$HTTP_PORT" != 7474
check "password file has mode 600" test "$(stat -c %a "$NEO4J_LOCAL_HOME/password")" = 600
check "password not printed by start/status" bash -c '! grep -qF -- "$1" <<<"$2"' _ "$NEO4J_PASSWORD" "$start_out$again$("$SCRIPT" status)"
check "conf listens on 127.0.0.1 only" bash -c '! grep -E "listen_address=" "$1" | grep -v "=127.0.0.1"' _ "$NEO4J_LOCAL_HOME/conf/neo4j.conf"

out=$(cypher neo4j "$NEO4J_PASSWORD" "CREATE (c:CheckNode {name: 'survivor'}) RETURN c.name")
check "Cypher over HTTP with the password" grep -q '"survivor".* 200$' <<<"$out"
out=$(cypher neo4j wrong-password "RETURN 1")
check "wrong password refused over HTTP (401)" grep -q ' 401$' <<<"$out"
check "Bolt answers a handshake on $NEO4J_URI" \
  java -cp "$TOOL_CP" org.mentorshipgraph.neo4jlocal.LocalTool wait-ready --bolt-port="$BOLT_PORT" --http-port="$HTTP_PORT" --timeout-seconds=5

check "stop" "$SCRIPT" stop
set +e; "$SCRIPT" status >/dev/null; rc=$?; set -e
check "status after stop exits 3" test "$rc" = 3
check "start again" "$SCRIPT" start
eval "$("$SCRIPT" env)"
check "same ports as the first start (remembered)" test "${NEO4J_URI##*:}" = "$BOLT_PORT" -a "${NEO4J_HTTP_URI##*:}" = "$HTTP_PORT"
out=$(cypher neo4j "$NEO4J_PASSWORD" "MATCH (c:CheckNode) RETURN c.name")
check "data survived the restart" grep -q '"survivor".* 200$' <<<"$out"
check "stop again" "$SCRIPT" stop

set +e
taken_out=$(NEO4J_LOCAL_BOLT_PORT=$HTTP_PORT NEO4J_LOCAL_HTTP_PORT=$HTTP_PORT "$SCRIPT" start 2>&1); rc=$?
set -e
check "same explicit port for Bolt and HTTP refused" test "$rc" != 0
if grep -q blocking "$NEO4J_LOCAL_HOME/blocker.out" && ! java -cp "$TOOL_CP" org.mentorshipgraph.neo4jlocal.LocalTool port-free 7687; then
  set +e
  taken_out=$(NEO4J_LOCAL_BOLT_PORT=7687 "$SCRIPT" start 2>&1); rc=$?
  set -e
  check "taken explicit port refused: $taken_out" test "$rc" != 0
fi

if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
