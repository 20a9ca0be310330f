#!/usr/bin/env bats
# The ./chipbet CLI, as a user and a script call it: help, refusals, exit codes, pid files, logs, tokens,
# reset, completion, and one real detached stack that must survive its caller's process group.
#
#   bats deploy/cli-test              (Debian: apt-get install bats; needs a build: ./mvnw -B verify)
#   CHIPBET_CLI_FAST=1 bats deploy/cli-test   skips the real stack (about 3 minutes of the run)
#
# Each test runs on a throw-away state folder (CHIPBET_STATE_DIR), never the developer's .chipbet. The
# real stack needs chipbet's fixed ports (19092, 19093, 15432, 8080-8083) free.

bats_require_minimum_version 1.5.0

setup_file() {
  ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd -P)
  export ROOT
  export CHIPBET="$ROOT/chipbet"
  local port
  for port in 19092 19093 15432 8080 8081 8082 8083; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "Port $port is in use: these tests need chipbet's ports free (./chipbet status; ./chipbet down)." >&2
      return 1
    fi
  done
}

setup() {
  export CHIPBET_STATE_DIR="$BATS_TEST_TMPDIR/state"
  STATE=$CHIPBET_STATE_DIR
  mkdir -p "$STATE/pids" "$STATE/logs"
  FAKES=()
}

teardown() {
  local pid
  for pid in "${FAKES[@]}"; do { kill -KILL "$pid" && wait "$pid"; } 2>/dev/null || true; done
  if [ -n "${STACK:-}" ]; then
    CHIPBET_STATE_DIR=$STACK "$CHIPBET" down >/dev/null 2>&1 || true
  fi
}

COMMANDS=(up down status logs load infra token restart kill reset chaos bench completion help)

# A process whose command line reads like this state folder's launcher: what ./chipbet checks a pid against.
fake_launcher() {
  bash -c 'exec -a "java -cp x io.chipbet.infra.Main --dir $0 --with-services --load data.json" sleep 300' "$STATE" &
  FAKE=$!
  FAKES+=("$FAKE")
  echo "$FAKE" > "$STATE/pids/launcher.pid"
}

# A plain listener on port $1, from another program than chipbet.
foreign_listener() {
  cat > "$BATS_TEST_TMPDIR/Listen.java" <<'EOF'
public class Listen {
    public static void main(String[] args) throws Exception {
        try (var socket = new java.net.ServerSocket(Integer.parseInt(args[0]), 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.sleep(300_000);
        }
    }
}
EOF
  java "$BATS_TEST_TMPDIR/Listen.java" "$1" &
  FAKES+=("$!")
  local i
  for i in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

jwt_payload() {
  local part
  part=$(echo "$1" | cut -d. -f2 | tr '_-' '/+')
  while [ $((${#part} % 4)) -ne 0 ]; do part="$part="; done
  echo "$part" | base64 -d
}

# ------------------------------------------------------------------------------------------------ help

@test "help, --help and -h print the usage and exit 0" {
  for form in help --help -h; do
    run -0 --separate-stderr "$CHIPBET" $form
    [[ $output == "Usage: ./chipbet COMMAND"* ]]
    for command in "${COMMANDS[@]}"; do [[ $output == *"  $command"* ]]; done
    [ -z "$stderr" ]
  done
}

@test "every command explains itself with --help, -h and help COMMAND, and does nothing else" {
  for command in "${COMMANDS[@]}"; do
    for form in "$command --help" "$command -h" "help $command"; do
      run -0 --separate-stderr "$CHIPBET" $form
      [[ $output == "Usage: ./chipbet $command"* ]] || { echo "$form: $output"; false; }
    done
  done
  # token --help prints help, never a token for a user named --help
  run -0 "$CHIPBET" token --user ana --help
  [[ $output != *eyJ* ]]
  # nothing was started, built or written
  [ ! -e "$STATE/pids/launcher.pid" ]
}

# ---------------------------------------------------------------------------------- refusals, exit 2

@test "an unknown command is refused with exit 2 and the usage on stderr" {
  run -2 --separate-stderr "$CHIPBET" frobnicate
  [ -z "$output" ]
  [[ $stderr == "chipbet: unknown command 'frobnicate'"* ]]
  [[ $stderr == *"Usage: ./chipbet COMMAND"* ]]
  run -2 --separate-stderr "$CHIPBET" help frobnicate
  [[ $stderr == *"unknown command 'frobnicate'"* ]]
}

@test "unknown arguments are refused with exit 2 and the command's usage, for every command" {
  for line in "up --bogus" "up --detach extra" "down --bogus" "down --timeout soon" "status --bogus" "status extra" \
      "logs --bogus kafka" "logs kafka postgres" "logs" "load --bogus" "load" "load a b" "infra --bogus" \
      "token --bogus" "token bob" "token --user" "token --ttl never" "restart" "restart --bogus fab-service" \
      "restart nope-service" "kill nope-service" "kill --bogus fab-service" "reset --bogus" "chaos --bogus" "chaos --fault F11" "chaos --writes many" \
      "bench --bogus" "bench --only" "bench --only nope" "bench --quick extra" "completion zsh" "help up down"; do
    run --separate-stderr "$CHIPBET" $line
    [ "$status" -eq 2 ] || { echo "'$line' exited $status: $stderr"; false; }
    [[ $stderr == *sage:* ]] || { echo "'$line' gave no usage: $stderr"; false; }
    [[ $output != *eyJ* ]] || { echo "'$line' minted a token"; false; }
  done
}

@test "down --help leaves a running launcher alone; down then stops it" {
  fake_launcher
  run -0 "$CHIPBET" down --help
  kill -0 "$FAKE"
  run -2 "$CHIPBET" down --now
  kill -0 "$FAKE"
  run -0 "$CHIPBET" down
  [[ $output == *"Stopping chipbet (launcher pid $FAKE)"* ]]
  [[ $output == *"chipbet stopped in"* ]]
  ! kill -0 "$FAKE" 2>/dev/null
  [ ! -e "$STATE/pids/launcher.pid" ]
}

# -------------------------------------------------------------------------------------- status codes

@test "status exits 3 when stopped, and prints each part's state" {
  run -3 "$CHIPBET" status
  [[ ${lines[0]} == "chipbet: not running" ]]
  for part in kafka postgres funding-service fab-service talent-service projection-service; do
    [[ $output =~ $part\ +down ]] || { echo "no state for $part: $output"; false; }
  done
}

@test "status exits 1 while the launcher runs but its parts are not up" {
  fake_launcher
  run -1 "$CHIPBET" status
  [[ ${lines[0]} == "chipbet: running (launcher pid $FAKE"* ]]
  [[ $output =~ fab-service\ +starting ]]
}

@test "a stale pid file: status exits 1, down removes it and leaves the process that got the pid alone" {
  sleep 300 &
  local unrelated=$!
  FAKES+=("$unrelated")
  echo "$unrelated" > "$STATE/pids/launcher.pid"
  echo "$unrelated" > "$STATE/pids/fab-service.pid"
  echo "not a pid" > "$STATE/pids/kafka.pid"
  echo 4194303 > "$STATE/chipbet.pid" # an older ./chipbet's file, naming no process

  run -1 "$CHIPBET" status
  [[ ${lines[0]} == "chipbet: not running, but a stale pid file is left"* ]]

  run -0 "$CHIPBET" down
  [[ $output == *"Removed a stale pid file"*"launcher.pid (pid $unrelated is not running as chipbet's)"* ]]
  [[ $output == *"chipbet is not running."* ]]
  kill -0 "$unrelated"
  [ -z "$(ls "$STATE/pids")" ]
  [ ! -e "$STATE/chipbet.pid" ]

  run -3 "$CHIPBET" status
}

@test "a port held by another program: up refuses and names it, down leaves it alone" {
  foreign_listener 19093
  run -1 --separate-stderr "$CHIPBET" up --detach
  [[ $stderr == *"Port 19093 is held by another program: pid "*"Listen"* ]]
  [[ $output != *Building* ]]
  run -0 "$CHIPBET" down
  [[ $output == *"port 19093 is held by another program, left alone"* ]]
  (exec 3<>/dev/tcp/127.0.0.1/19093) 2>/dev/null
}

# ---------------------------------------------------------------------------------------------- logs

@test "logs checks the name and never hangs on a log that is not there" {
  run -2 --separate-stderr timeout 10 "$CHIPBET" logs nope-service
  [[ $stderr == *"no log named 'nope-service'"* ]]
  [[ $stderr == *"funding-service, fab-service, talent-service, projection-service"* ]]
  run -1 --separate-stderr timeout 10 "$CHIPBET" logs fab-service
  [[ $stderr == *"there is no fab-service log yet"* ]]
  printf 'Starting Kafka and PostgreSQL ...\nREADY\n' > "$STATE/logs/chipbet.log"
  run -0 timeout 10 "$CHIPBET" logs --no-follow chipbet
  [ "${lines[1]}" = READY ]
}

# --------------------------------------------------------------------------------------------- token

@test "token takes --user, --role and --ttl, and prints nothing but the token" {
  run -0 --separate-stderr "$CHIPBET" token --user ana --role viewer --role analyst --ttl 5m
  [ -z "$stderr" ] # no stray SLF4J line
  [ "${#lines[@]}" -eq 1 ]
  local payload
  payload=$(jwt_payload "$output")
  [[ $payload == *'"upn":"ana"'* ]]
  [[ $payload == *'"viewer"'* && $payload == *'"analyst"'* ]]
  local iat exp
  iat=$(echo "$payload" | grep -o '"iat":[0-9]*' | cut -d: -f2)
  exp=$(echo "$payload" | grep -o '"exp":[0-9]*' | cut -d: -f2)
  [ $((exp - iat)) -eq 300 ]

  run -0 --separate-stderr "$CHIPBET" token
  payload=$(jwt_payload "$output")
  [[ $payload == *'"upn":"editor-user"'* && $payload == *'"groups":["editor"]'* ]]
  [ -f "$STATE/keys/jwt-private.pem" ]
}

# ------------------------------------------------------------------------------- load, restart, kill

@test "load, restart and kill need a running stack, and say so" {
  run -1 --separate-stderr "$CHIPBET" load "$ROOT/deploy/reference-data/chipbet-reference.json"
  [[ $stderr == *"chipbet is not running"* ]]
  run -1 --separate-stderr "$CHIPBET" load /no/such/file.json
  [[ $stderr == *"cannot read /no/such/file.json"* ]]
  run -1 --separate-stderr "$CHIPBET" restart fab-service
  [[ $stderr == *"chipbet is not running"* ]]
  run -1 --separate-stderr "$CHIPBET" kill --hold kafka
  [[ $stderr == *"chipbet is not running"* ]]
}

# --------------------------------------------------------------------------------------------- reset

@test "reset asks first, deletes only on yes or --yes, and never while running" {
  echo data > "$STATE/keep-me"
  run -1 "$CHIPBET" reset < /dev/null
  [ -f "$STATE/keep-me" ]
  run -1 "$CHIPBET" reset <<< "no"
  [ -f "$STATE/keep-me" ]
  run -0 "$CHIPBET" reset <<< "yes"
  [ ! -e "$STATE" ]
  [[ $output == *"Deleted"* ]]

  mkdir -p "$STATE/pids"
  fake_launcher
  run -1 --separate-stderr "$CHIPBET" reset --yes
  [[ $stderr == *"chipbet is running"* ]]
  [ -d "$STATE" ]
  kill "$FAKE"
  wait "$FAKE" 2>/dev/null || true
  run -0 "$CHIPBET" reset --yes
  [ ! -e "$STATE" ]
  run -0 "$CHIPBET" reset --yes
  [[ $output == *"Nothing to reset"* ]]
}

# ---------------------------------------------------------------------------------------- completion

@test "bench --help lists the benchmarks; an unknown --only name is refused, naming the known ones, before any build" {
  run -0 --separate-stderr "$CHIPBET" bench --help
  [[ $output == "Usage: ./chipbet bench [--quick] [--only NAME]"* ]]
  for name in ingest read scenario-cost simulation write; do [[ $output == *"  $name "* ]]; done
  [ -z "$stderr" ]
  run -2 --separate-stderr "$CHIPBET" bench --quick --only frobnicate
  [ -z "$output" ]
  [[ $stderr == "chipbet bench: --only needs one of ingest read scenario-cost simulation write, not 'frobnicate'"* ]]
  [[ $stderr == *"Usage: ./chipbet bench"* ]]
  # nothing was built or run
  [ ! -e "$STATE/logs/bench.log" ] && [ ! -e "$STATE/logs/build.log" ]
}

# A copy of the script in a tree of its own, with a mvnw that records its goals and leaves the build's outputs.
fake_build_tree() {
  TREE=$BATS_TEST_TMPDIR/tree
  local defaults=platform/src/main/resources/META-INF/microprofile-config.properties service
  mkdir -p "$TREE/$(dirname "$defaults")" "$TREE/deploy/local/src" "$TREE/platform/src/main/resources/db"
  cp "$CHIPBET" "$TREE/chipbet"
  cp "$ROOT/$defaults" "$TREE/$defaults"
  touch "$TREE/pom.xml" "$TREE/platform/src/main/resources/db/V9__old.sql"
  for service in $(sed -n 's/^chipbet\.services\.\([a-z-]*\)\.port=.*/\1/p' "$TREE/$defaults"); do
    mkdir -p "$TREE/$service/src"
    touch "$TREE/$service/src/Main.java"
  done
  cat > "$TREE/mvnw" <<'EOF'
#!/usr/bin/env bash
echo "$*" >> mvnw.calls
# FAKE_MVNW_FAIL: a build that fails after its clean (the first modules' target/ gone, the stamp with them).
if [ -n "${FAKE_MVNW_FAIL:-}" ]; then [[ " $* " != *" clean "* ]] || rm -rf platform/target deploy/local/target; exit 1; fi
mkdir -p deploy/local/target
touch deploy/local/target/launcher.classpath
for service in */src; do mkdir -p "${service%/src}/target/quarkus-app" && touch "${service%/src}/target/quarkus-app/quarkus-run.jar"; done
EOF
  chmod +x "$TREE/mvnw"
}

@test "up builds what changed, and builds from clean when a source was deleted since (its stale copy would be packaged)" {
  fake_build_tree
  # Nothing here can launch: up fails after its build, which is all this test looks at.
  run "$TREE/chipbet" up
  [ "$(cat "$TREE/mvnw.calls")" = "-B -ntp install -DskipTests" ]
  run "$TREE/chipbet" up
  [[ $output == *"Build is up to date."* ]]
  [ "$(wc -l < "$TREE/mvnw.calls")" -eq 1 ]
  rm "$TREE/platform/src/main/resources/db/V9__old.sql"
  run "$TREE/chipbet" up
  built_from_clean_then_up_to_date "Sources gone since the last build (platform/src/main/resources/db/V9__old.sql)" 2
}

# The last up said "WHY: building from clean." and ran a clean build; the next one builds nothing. CALLS: mvnw's runs by then.
built_from_clean_then_up_to_date() {
  [[ $output == *"$1: building from clean."* ]]
  [ "$(tail -1 "$TREE/mvnw.calls")" = "-B -ntp clean install -DskipTests" ]
  run "$TREE/chipbet" up
  [[ $output == *"Build is up to date."* ]]
  [ "$(wc -l < "$TREE/mvnw.calls")" -eq "$2" ]
}

@test "up builds from clean again after a clean build that failed, and when a thousand sources went at once" {
  fake_build_tree
  local db=$TREE/platform/src/main/resources/db i
  run "$TREE/chipbet" up
  # More paths than a pipe holds (a branch switch): the list of what went is read whole, not cut off mid-write.
  for i in $(seq 1000); do touch "$db/V1_${i}__a_migration_with_a_name_long_enough_to_fill_a_pipe.sql"; done
  run "$TREE/chipbet" up
  [ "$(wc -l < "$TREE/mvnw.calls")" -eq 2 ]
  rm "$db"/V1_*
  FAKE_MVNW_FAIL=1 run "$TREE/chipbet" up
  [ "$status" -eq 1 ]
  [[ $output == *"Sources gone since the last build (platform/src/main/resources/db/V1_"*"): building from clean."* ]]
  [[ $output == *"The build failed"* ]]
  # Its stamp went with the clean: the next up still builds from clean, not a plain build over stale target/ folders.
  run "$TREE/chipbet" up
  built_from_clean_then_up_to_date "The last clean build did not finish" 4
}

@test "completion completes commands, services and options" {
  run -0 bash -c 'source <("$0" completion) && COMP_WORDS=(./chipbet re) COMP_CWORD=1 && _chipbet && echo "${COMPREPLY[*]}"
    COMP_WORDS=(./chipbet kill fab) COMP_CWORD=2 && _chipbet && echo "${COMPREPLY[*]}"
    COMP_WORDS=(./chipbet logs "") COMP_CWORD=2 && _chipbet && echo "${COMPREPLY[*]}"' "$CHIPBET"
  [ "${lines[0]}" = "restart reset" ]
  [ "${lines[1]}" = "fab-service" ]
  [[ ${lines[2]} == *"projection-service"*"chipbet build --no-follow"* ]]
}

# --------------------------------------------------------------------------------------- a real stack

@test "up --detach streams its progress, outlives its caller's process group, restarts what crashes; down stops all" {
  [ -z "${CHIPBET_CLI_FAST:-}" ] || skip "CHIPBET_CLI_FAST is set"
  STACK="$BATS_TEST_TMPDIR/stack"
  export CHIPBET_STATE_DIR=$STACK
  local out=$BATS_TEST_TMPDIR/up.out

  # The caller: a shell in a process group of its own, which starts the stack, then stays.
  setsid bash -c '
    echo $$ > "$1.pgid"
    "$0" up --detach 2>&1 | while IFS= read -r line; do echo "$SECONDS $line"; done > "$1"
    echo "${PIPESTATUS[0]}" > "$1.rc"
    exec sleep 600' "$CHIPBET" "$out" &
  local i
  for i in $(seq 600); do [ -f "$out.rc" ] && break; sleep 1; done
  cat "$out"
  [ "$(cat "$out.rc")" = 0 ]

  # Progress, as it happened: infrastructure and services each with a time, the load, the score.
  grep -Eq '^[0-9]+ +PostgreSQL +127.0.0.1:15432 +ready in [0-9.]+ s' "$out"
  grep -Eq '^[0-9]+ +Kafka +127.0.0.1:19092 +ready in [0-9.]+ s' "$out"
  for service in funding-service fab-service talent-service projection-service; do
    grep -Eq "^[0-9]+ +$service +http://127.0.0.1:[0-9]+ +ready in [0-9.]+ s" "$out"
  done
  # A fresh stack: every fact of the reference data is sent, none was there.
  facts=$(sed -nE 's/.*through the services. APIs \(([0-9]+) facts\).*/\1/p' "$out")
  [ -n "$facts" ] && [ "$facts" -gt 0 ]
  grep -q "$facts of $facts facts: $facts sent, 0 already there" "$out"
  grep -Eq '^[0-9]+ P\([0-9.]+ fabs by [0-9-]+\) = [0-9.]+%' "$out"
  local kafka_at score_at
  kafka_at=$(grep -E '^[0-9]+ +Kafka ' "$out" | cut -d' ' -f1)
  score_at=$(grep -E '^[0-9]+ P\(' "$out" | head -1 | cut -d' ' -f1)
  [ $((score_at - kafka_at)) -ge 5 ] # streamed: the first steps were shown long before the end

  # Kill the caller's whole process group, as a closing terminal or a timed-out CI step would.
  local pgid
  pgid=$(cat "$out.pgid")
  kill -HUP -- "-$pgid" 2>/dev/null || true
  kill -KILL -- "-$pgid" 2>/dev/null || true
  sleep 3
  ! kill -0 -- "-$pgid" 2>/dev/null
  run -0 "$CHIPBET" status
  run -0 curl -sf http://127.0.0.1:8080/api/v1/feasibility
  [[ $output == *'"probability"'* && $output == *'"headline":"On the record today'* ]]

  # A crash is restarted with a back-off, and status says so.
  run -0 "$CHIPBET" kill fab-service
  [[ $output == "killed fab-service (pid "* ]]
  run -1 "$CHIPBET" status
  [[ $output =~ fab-service\ +(restarting|starting|down) ]]
  for i in $(seq 120); do "$CHIPBET" status > /dev/null && break; sleep 1; done
  run -0 "$CHIPBET" status
  [[ $output =~ fab-service\ +up\ .*restarted\ 1x.*killed\ by\ SIGKILL ]]
  run -0 --separate-stderr "$CHIPBET" logs --no-follow chipbet
  [[ $output == *"fab-service: killed by SIGKILL (./chipbet kill); restarting in 1.0 s (attempt 1)"* ]]
  [[ $output == *"fab-service: restarted, ready in "* ]]

  run -0 "$CHIPBET" restart talent-service
  [[ $output == *"talent-service restarted, ready in "* ]]

  # A service started by hand, outside the launcher, as a fault test might: down stops it too.
  run -0 "$CHIPBET" kill --hold fab-service
  (cd "$ROOT/fab-service" && QUARKUS_HTTP_PORT=8082 KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092 \
    QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:15432/fab QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD= MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$STACK/keys/jwt-public.pem" \
    MP_JWT_VERIFY_ISSUER=https://chipbet.local/issuer \
    setsid java -jar target/quarkus-app/quarkus-run.jar > "$BATS_TEST_TMPDIR/by-hand.log" 2>&1 < /dev/null &)
  for i in $(seq 120); do curl -sf -o /dev/null http://127.0.0.1:8082/q/health/ready && break; sleep 1; done
  run -1 "$CHIPBET" status
  [[ $output =~ fab-service\ +held.*its\ port\ answers ]]

  run -0 "$CHIPBET" down
  [[ $output == *"the launcher stopped everything it ran in"* ]]
  [[ $output =~ fab-service\ \(pid\ [0-9]+\),\ started\ outside\ the\ launcher,\ on\ port\ 8082 ]]
  run -3 "$CHIPBET" status
  ! pgrep -f -- "$STACK/" > /dev/null
  for port in 19092 19093 15432 8080 8081 8082 8083; do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  done
  STACK=""
}
