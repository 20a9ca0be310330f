#!/usr/bin/env bash
# OpenAPI as a contract (issue 17): every service behind Stoplight Prism's validating proxy, and a corpus of valid
# and invalid requests sent through it (corpus.sh). A response that breaks its own service's document fails.
#
# Prism runs as `prism proxy --errors --validate-request=false`, one per service, on the service's port + 10000.
# --errors turns a response that violates the document (status, headers or body) into Prism's own 500, of type
# https://stoplight.io/prism/errors#VIOLATIONS, listing the violations. Request validation is off so that the
# corpus's deliberately invalid requests reach the service: its 4xx answers are checked like any other response.
# Each request also names the status it must get, so a corpus that no longer exercises what it says fails too.
#
# Needs a running stack (./chipbet up --detach), curl and jq; installs Prism (package-lock.json) when missing.
# Usage: deploy/openapi-check/check.sh [--verbose]
set -euo pipefail
cd "$(dirname "$0")/../.."
here=deploy/openapi-check
verbose=0
for argument in "$@"; do
  case $argument in
    --verbose) verbose=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "openapi-check: unknown argument '$argument'" >&2; exit 2 ;;
  esac
done
[ -x "$here/node_modules/.bin/prism" ] || npm ci --prefix "$here" --no-audit --no-fund >/dev/null

# The services and their ports, from the one list (platform's shared defaults), as ./chipbet reads them.
DEFAULTS=platform/src/main/resources/META-INF/microprofile-config.properties
declare -A PORT PROXY
while read -r name port; do
  PORT[${name%-service}]=$port
  PROXY[${name%-service}]=$((port + 10000))
done < <(sed -n 's/^chipbet\.services\.\([a-z-]*\)\.port=\([0-9]*\)$/\1 \2/p' "$DEFAULTS")

work=$(mktemp -d)
proxies=()
cleanup() {
  [ ${#proxies[@]} -eq 0 ] || kill "${proxies[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for service in "${!PORT[@]}"; do
  if curl -s --max-time 2 -o /dev/null "http://127.0.0.1:${PROXY[$service]}/"; then
    echo "openapi-check: port ${PROXY[$service]} (the $service proxy) is already in use: a proxy left from another run?" >&2
    exit 1
  fi
  curl -sSf --max-time 10 "http://127.0.0.1:${PORT[$service]}/q/openapi?format=json" -o "$work/$service.json" \
    || { echo "openapi-check: $service does not answer on port ${PORT[$service]}: is ./chipbet up running?" >&2; exit 1; }
  "$here/node_modules/.bin/prism" proxy "$work/$service.json" "http://127.0.0.1:${PORT[$service]}" \
    --port "${PROXY[$service]}" --errors --validate-request=false > "$work/prism-$service.log" 2>&1 &
  proxies+=($!)
done
for service in "${!PROXY[@]}"; do
  for _ in $(seq 1 100); do
    curl -s --max-time 2 -o /dev/null "http://127.0.0.1:${PROXY[$service]}/" && break
    sleep 0.2
  done
done

TOKEN=$(./chipbet token --user openapi-check)
VIEWER=$(./chipbet token --user openapi-check-viewer --role viewer)
sent=0
failed=0

# call SERVICE STATUS METHOD PATH [curl options...]: one request through SERVICE's proxy, which must answer STATUS
# and must not find the response at odds with the document. The body is left in $work/body, the headers in $work/headers.
call() {
  local service=$1 expected=$2 method=$3 path=$4
  shift 4
  local status
  status=$(curl -sS --max-time 30 -o "$work/body" -D "$work/headers" -w '%{http_code}' -X "$method" \
    "http://127.0.0.1:${PROXY[$service]}$path" "$@") || status=000
  sent=$((sent + 1))
  if grep -qi '^sl-violations:' "$work/headers" || [ "$status" != "$expected" ]; then
    failed=$((failed + 1))
    echo "FAIL $service $method $path: $status, expected $expected"
    grep -i '^sl-violations:' "$work/headers" | cut -d: -f2- | jq -r '.[] | "     \(.location | join(".")): \(.message)"' 2>/dev/null || true
    [ "$status" = "$expected" ] || head -c 600 "$work/body" | sed 's/^/     /'
    echo
  elif [ $verbose -eq 1 ]; then
    echo "ok   $service $status $method $path"
  fi
}

# What the last answer said: a field of its JSON body, or its ETag.
field() { jq -r "$1" "$work/body"; }
etag() { sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p' "$work/headers"; }

source "$here/corpus.sh"

echo "openapi-check: $sent requests through Prism's validating proxy, $failed at odds with their service's document or status"
[ "$failed" -eq 0 ]
