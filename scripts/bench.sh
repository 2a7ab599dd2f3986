#!/usr/bin/env bash
# bench.sh times the whole breachreport command against the two references of
# ../shared/bench (the floor: bare encoding/csv + excelize stream writer; the peer: pandas +
# XlsxWriter) on the same synthetic inputs, side by side and interleaved in one run, and
# prints a markdown table of the medians (wall time, peak RSS) for BENCHMARKS.md.
#
# Usage: scripts/bench.sh [ROWS ...]        (default: 10000 100000 1000000)
#
# Environment:
#   BENCH_RUNS=3      runs of each program at each size; the table gives the medians
#   BENCH_PEER=1      0 leaves out the pandas peer (it takes minutes at 1M rows)
#   BENCH_SHARED=DIR  the references (default: ../shared/bench beside the repository)
#   BENCH_WORK=DIR    where the generated inputs are cached
#                     (default: ${XDG_CACHE_HOME:-~/.cache}/breachreport-bench)
#
# It installs nothing: it says what is missing (Go, /usr/bin/time, /usr/bin/python3 with
# pandas and XlsxWriter for the peer) and stops. The table goes to stdout, progress to stderr.
set -euo pipefail
shopt -s inherit_errexit

readonly default_sizes="10000 100000 1000000"
readonly as_of=2026-01-01

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

die() {
  echo "bench.sh: $*" >&2
  exit 1
}

say() {
  echo "$*" >&2
}

# The exact command line, for the table's header, with the settings that were given.
command_line() {
  local words=() v
  for v in BENCH_RUNS BENCH_PEER BENCH_SHARED BENCH_WORK; do
    if [[ -n "${!v+x}" ]]; then
      words+=("$v=${!v}")
    fi
  done
  words+=(scripts/bench.sh "$@")
  printf '%q ' "${words[@]}" | sed 's/ $//'
}

for arg in "$@"; do
  case "$arg" in
    -h | --help)
      usage
      exit 0
      ;;
    *[!0-9]* | '' | 0*)
      usage >&2
      echo "bench.sh: $arg: give row counts as positive whole numbers, such as 100000" >&2
      exit 2
      ;;
  esac
done
cmdline=$(command_line "$@")
if [[ $# -eq 0 ]]; then
  # shellcheck disable=SC2086 # the default sizes are split on purpose
  set -- $default_sizes
fi
sizes=("$@")

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${BENCH_RUNS:-3}
peer=${BENCH_PEER:-1}
shared=${BENCH_SHARED:-$repo/../shared/bench}
work=${BENCH_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/breachreport-bench}
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS=$runs: give a positive whole number"
[[ "$peer" == 0 || "$peer" == 1 ]] || die "BENCH_PEER=$peer: give 1 (run the peer) or 0 (leave it out)"
python=/usr/bin/python3
timecmd=/usr/bin/time

# Check everything needed before starting, and say all that is missing at once.
missing=()
command -v go >/dev/null || missing+=("go: the Go toolchain on PATH (https://go.dev/dl/)")
[[ -x $timecmd ]] || missing+=("$timecmd: GNU time (apt-get install time)")
if [[ ! -x $python ]]; then
  missing+=("$python: Debian's python3, which generates the inputs (apt-get install python3)")
elif [[ "$peer" == 1 ]]; then
  for mod in pandas:python3-pandas xlsxwriter:python3-xlsxwriter; do
    if ! "$python" -c "import ${mod%%:*}" 2>/dev/null; then
      missing+=("python module ${mod%%:*} for the peer (apt-get install ${mod#*:}; or BENCH_PEER=0 to leave the peer out)")
    fi
  done
fi
if [[ ! -d "$shared" ]]; then
  missing+=("$shared: the directory of the benchmark references (set BENCH_SHARED to it)")
else
  for f in gen_incidents.py floor/main.go peer_pandas.py; do
    if [[ "$f" != peer_pandas.py || "$peer" == 1 ]] && [[ ! -f "$shared/$f" ]]; then
      missing+=("$shared/$f: one of the benchmark references (set BENCH_SHARED to their directory)")
    fi
  done
fi
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "bench.sh: missing, nothing was run:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi
shared=$(cd "$shared" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/breachreport-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# Build breachreport and the floor (in a scratch module that is never kept).
say "building breachreport ($repo)"
go -C "$repo" build -o "$tmp/bin/breachreport" .
say "building the floor ($shared/floor/main.go, excelize v2.11.0)"
mkdir -p "$tmp/floor"
cp "$shared/floor/main.go" "$tmp/floor/"
if ! (cd "$tmp/floor" && export GOWORK=off && go mod init floor && go get github.com/xuri/excelize/v2@v2.11.0 &&
  go build -o "$tmp/bin/floor" .) >"$tmp/floor/build.log" 2>&1; then
  cat "$tmp/floor/build.log" >&2
  die "could not build the floor"
fi

# input N prints the path of the cached input of N rows, generating it if missing or older
# than the generator (written under another name and renamed, so a cached file is whole).
input() {
  local n=$1 f="$work/incidents-$1.csv"
  if [[ ! -s "$f" || "$shared/gen_incidents.py" -nt "$f" ]]; then
    say "generating $n rows into $f"
    mkdir -p "$work"
    "$python" "$shared/gen_incidents.py" "$n" "$f.part" || die "$shared/gen_incidents.py $n failed"
    mv "$f.part" "$f"
  fi
  echo "$f"
}

# measure NAME ROWS IN runs program NAME once on input IN (ROWS rows; 0 and an empty IN for
# the embedded sample) under /usr/bin/time, checks that it exited 0, said it handled every
# row and wrote its outputs, and appends "seconds KiB" to $tmp/times/NAME-ROWS.
measure() {
  local name=$1 rows=$2 in=$3 out="$tmp/out" status=0 cmd want
  rm -rf "$out"
  mkdir -p "$out" "$tmp/times"
  case "$name" in
    breachreport | sample)
      cmd=("$tmp/bin/breachreport" generate -o "$out/report" --as-of "$as_of")
      if [[ -n "$in" ]]; then
        cmd+=(-i "$in")
        want="$rows rows read, $rows used, 0 rejected"
      else
        want="4 rows read, 4 used, 0 rejected"
      fi
      ;;
    floor)
      cmd=("$tmp/bin/floor" "$in" "$out/floor.xlsx")
      want="$rows rows"
      ;;
    peer)
      cmd=("$python" "$shared/peer_pandas.py" "$in" "$out/peer.xlsx")
      want="$rows rows"
      ;;
  esac
  "$timecmd" -f '%e %M' -o "$tmp/time" "${cmd[@]}" >"$out/stdout" 2>"$out/stderr" || status=$?
  if [[ $status -ne 0 ]]; then
    tail -n 20 "$out/stderr" >&2
    die "$name on $rows rows exited with status $status: $(printf '%q ' "${cmd[@]}" | sed 's/ $//')"
  fi
  if ! grep -qE "(^|[^0-9])$want" "$out/stdout"; then
    cat "$out/stdout" >&2
    die "$name on $rows rows did not say \"$want\""
  fi
  local files=()
  case "$name" in
    breachreport | sample) files=(report/breach-report.xlsx report/charts.html report/charts/records.html) ;;
    floor) files=(floor.xlsx) ;;
    peer) files=(peer.xlsx) ;;
  esac
  local f
  for f in "${files[@]}"; do
    [[ -s "$out/$f" ]] || die "$name on $rows rows did not write $f"
  done
  local t
  t=$(tail -n 1 "$tmp/time")
  echo "$t" >>"$tmp/times/$name-$rows"
  say "  $name: $(awk '{printf "%.2f s, %.0f MB", $1, $2*1024/1e6}' <<<"$t")"
}

# median NAME ROWS FIELD prints the median of field FIELD (1 seconds, 2 KiB) of the runs.
median() {
  awk -v f="$3" '{print $f}' "$tmp/times/$1-$2" | sort -g |
    awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# cell NAME ROWS prints "seconds s, MB MB" of the medians.
cell() {
  awk -v s="$(median "$1" "$2" 1)" -v k="$(median "$1" "$2" 2)" \
    'BEGIN {printf "%.2f s, %.0f MB", s, k * 1024 / 1e6}'
}

# plural N WORD prints "1 WORD" or "N WORDs".
plural() {
  if [[ $1 == 1 ]]; then echo "1 $2"; else echo "$1 $2s"; fi
}

# grouped N prints N with its thousands separated by commas: 1,000,000.
grouped() {
  local n=$1 out=""
  while ((${#n} > 3)); do
    out=",${n: -3}$out"
    n=${n:0:${#n}-3}
  done
  echo "$n$out"
}

# ratio A B prints A/B as "1.23×".
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f×", a / b; else print "—"}'
}

programs=(breachreport floor)
if [[ "$peer" == 1 ]]; then
  programs+=(peer)
fi
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

for n in "${sizes[@]}"; do
  in=$(input "$n")
  for ((r = 0; r < runs; r++)); do
    say "$n rows, run $((r + 1)) of $runs"
    # Interleaved, the order turned each round, so that drift in the machine's load falls
    # on every program alike.
    for ((p = 0; p < ${#programs[@]}; p++)); do
      name=${programs[(p + r) % ${#programs[@]}]}
      measure "$name" "$n" "$in"
    done
  done
done
sample_runs=$((runs > 5 ? runs : 5))
say "embedded sample, $sample_runs runs"
for ((r = 0; r < sample_runs; r++)); do
  measure sample 0 ""
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# The table.
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
ram=$(awk '/^MemTotal:/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
commit=$(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown)
echo "Machine: ${cpu:-unknown CPU}, $(nproc) cores, $ram RAM; $(go version | cut -d' ' -f3-);" \
  "breachreport $commit; $(date -u '+%Y-%m-%d %H:%M UTC'); load average ${load_start// /, } at the start," \
  "${load_end// /, } at the end."
echo
echo "Command: \`$cmdline\`"
echo
echo "Medians of $(plural "$runs" run) (the sample: $sample_runs), wall time and peak RSS (/usr/bin/time;" \
  "MB = 10⁶ bytes). breachreport: \`generate -i IN -o DIR --as-of $as_of\` (workbook," \
  "dashboard, chart pages); floor: one sheet of rows with the four day metrics; peer:" \
  "pandas + XlsxWriter. Inputs: \`gen_incidents.py ROWS\` (one scope per row, each its own incident)."
echo
header="| rows | input | breachreport | µs per row | floor |"
rule="|---:|---:|---|---:|---|"
if [[ "$peer" == 1 ]]; then
  header+=" peer |"
  rule+="---|"
fi
header+=" time ÷ floor | RSS ÷ floor |"
rule+="---:|---:|"
echo "$header"
echo "$rule"
for n in "${sizes[@]}"; do
  in="$work/incidents-$n.csv"
  row="| $(grouped "$n") | $(awk -v b="$(stat -c %s "$in")" 'BEGIN {printf "%.1f MB", b / 1e6}') |"
  row+=" $(cell breachreport "$n") | $(awk -v s="$(median breachreport "$n" 1)" -v n="$n" 'BEGIN {printf "%.1f", s * 1e6 / n}') |"
  row+=" $(cell floor "$n") |"
  if [[ "$peer" == 1 ]]; then
    row+=" $(cell peer "$n") |"
  fi
  row+=" $(ratio "$(median breachreport "$n" 1)" "$(median floor "$n" 1)") |"
  row+=" $(ratio "$(median breachreport "$n" 2)" "$(median floor "$n" 2)") |"
  echo "$row"
done
row="| embedded sample (2 cases) | 4 rows | $(cell sample 0) | | — |"
if [[ "$peer" == 1 ]]; then
  row+=" — |"
fi
echo "$row | |"

# The issue's targets for a full report, where this run measured them.
echo
echo "Targets (issue 7):"
for n in "${sizes[@]}"; do
  case "$n" in
    1000000)
      awk -v s="$(median breachreport "$n" 1)" -v f="$(median floor "$n" 1)" -v k="$(median breachreport "$n" 2)" 'BEGIN {
        printf "- 1M rows: wall time ≤ the floor'"'"'s: %.2f s against %.2f s: %s\n", s, f, (s <= f) ? "met" : "NOT met"
        printf "- 1M rows: peak RSS ≤ 600 MB: %.0f MB: %s\n", k * 1024 / 1e6, (k * 1024 <= 600e6) ? "met" : "NOT met"
      }'
      ;;
    100000)
      awk -v k="$(median breachreport "$n" 2)" 'BEGIN {
        printf "- 100k rows: peak RSS ≤ 150 MB: %.0f MB: %s\n", k * 1024 / 1e6, (k * 1024 <= 150e6) ? "met" : "NOT met"
      }'
      ;;
  esac
done
awk -v s="$(median sample 0 1)" 'BEGIN {
  printf "- the embedded sample: < 0.3 s for the whole process: %.2f s: %s\n", s, (s < 0.3) ? "met" : "NOT met"
}'
