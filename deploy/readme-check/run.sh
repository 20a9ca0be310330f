#!/usr/bin/env bash
# The README check (issue 17, "Docs that work when pasted"): runs every runnable block of the project's Markdown
# against a stack that is already running (./chipbet up --detach), and fails on the first one that fails.
#
# A runnable block is a fenced block whose info string is exactly "bash runnable":
#
#   ```bash runnable
#   curl -sf --max-time 5 http://127.0.0.1:8080/api/v1/feasibility
#   ```
#
# GitHub highlights it as bash (it takes the info string's first word) and does not show the rest. A plain
# ```bash block is never run: ./chipbet up itself, ./mvnw, ./chipbet down, Kubernetes, anything that needs a second
# terminal or takes minutes. Only fences at the start of a line count (not inside a list item).
#
# Each block is self-contained: it runs alone, in a fresh `bash -euo pipefail`, from the repository root, with
# stdin from /dev/null and this script's environment (CHIPBET_STATE_DIR included). Blocks share no variables, so
# a reader can paste any one of them into a new terminal. A block must end by itself (kcat -e, curl --max-time,
# a stream with a timeout); one that runs longer than READMECHECK_TIMEOUT seconds (default 60) fails. A block
# must also work when run again on the same stack: fresh names and Idempotency-Keys, no 409 the second time.
#
# Files: README.md first, then every other tracked *.md in `git ls-files` order; blocks in file order.
# Usage: deploy/readme-check/run.sh [--list] [--verbose] [FILE.md ...]
#   --list      print the runnable blocks (file:line and first line) without running them
#   --verbose   print each block's output too, not only a failing one's
set -euo pipefail
cd "$(dirname "$0")/../.."

list=0
verbose=0
files=()
for argument in "$@"; do
  case $argument in
    --list) list=1 ;;
    --verbose) verbose=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "readme-check: unknown option '$argument'" >&2; exit 2 ;;
    *) files+=("$argument") ;;
  esac
done
if [ ${#files[@]} -eq 0 ]; then
  files=(README.md)
  while IFS= read -r file; do
    [ "$file" = README.md ] || files+=("$file")
  done < <(git ls-files '*.md')
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One script per block, $work/N.sh, and its place, "file:line", in $work/index (line N).
awk -v dir="$work" '
  FNR == 1 && open { print "unterminated runnable block at " where > "/dev/stderr"; failed = 1; exit 3 }
  !open && /^```bash runnable[ \t]*$/ { open = 1; n++; where = FILENAME ":" FNR; print where > (dir "/index"); out = dir "/" n ".sh"; printf "" > out; next }
  open && /^```[ \t]*$/ { open = 0; close(out); next }
  open && /^```/ { print "a fence opens inside the runnable block at " where " (" FILENAME ":" FNR "): is its closing fence missing?" > "/dev/stderr"; failed = 1; exit 3 }
  open { print > out }
  END { if (failed) exit 3; if (open) { print "unterminated runnable block at " where > "/dev/stderr"; exit 3 } }
' "${files[@]}"
[ -f "$work/index" ] || { echo "readme-check: no runnable blocks (\`\`\`bash runnable) in ${files[*]}" >&2; exit 1; }
mapfile -t places < "$work/index"

if [ $list = 1 ]; then
  for i in "${!places[@]}"; do printf '%-40s %s\n' "${places[$i]}" "$(grep -m1 -v '^[[:space:]]*\(#.*\)\{0,1\}$' "$work/$((i + 1)).sh")"; done
  exit 0
fi

now_us() { echo "${EPOCHREALTIME/[.,]/}"; }
seconds() { local tenths=$((($(now_us) - $1) / 100000)); echo "$((tenths / 10)).$((tenths % 10)) s"; }

if ! ./chipbet status > "$work/status" 2>&1; then
  echo "readme-check: the stack is not (all) up; start it with ./chipbet up --detach" >&2
  cat "$work/status" >&2
  exit 1
fi

limit=${READMECHECK_TIMEOUT:-60}
started=$(now_us)
echo "README check: ${#places[@]} runnable block(s), each in a fresh bash -euo pipefail (at most $limit s each)"
for i in "${!places[@]}"; do
  block=$work/$((i + 1)).sh
  began=$(now_us)
  status=0
  timeout -k 5 "$limit" bash -euo pipefail "$block" < /dev/null > "$work/output" 2>&1 || status=$?
  if [ $status -ne 0 ]; then
    why="exit status $status"
    [ $status -ne 124 ] || why="still running after $limit s"
    {
      echo "FAIL  ${places[$i]}  ($why, after $(seconds "$began"))"
      echo "--- the block:"
      cat "$block"
      echo "--- its output:"
      sed '$a\' "$work/output"
      echo "---"
    } >&2
    exit 1
  fi
  printf '  ok  %-36s %s\n' "${places[$i]}" "$(seconds "$began")"
  [ $verbose = 0 ] || sed 's/^/      /' "$work/output"
done
echo "All ${#places[@]} block(s) ran in $(seconds "$started")."
