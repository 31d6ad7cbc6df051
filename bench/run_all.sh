#!/usr/bin/env bash
# Every benchmark with its documented command, then the reliability suite, then bench/RESULTS.md.
# Takes about 35-40 minutes (the crash run alone about 20) on a 2-core machine; run it on an otherwise idle computer.
#   bash bench/run_all.sh            everything
#   bash bench/run_all.sh --quick    fewer repetitions (a smoke run; do not commit its results)
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
quick=0; [[ "${1:-}" == "--quick" ]] && quick=1
failed=()

run() {
  echo "== $*"
  "$PY" "$@" || failed+=("$*")
}

if (( quick )); then
  run bench/gui_cold_start.py --runs 2
  run bench/scan_to_spool.py --scans 8
  run bench/gui_stall.py --scans 1
  run bench/gui_settings.py --opens 3
  run bench/client_overhead.py --calls 200 --rounds 1
  run bench/gui_memory.py --scans 100
  run bench/printing_convert.py --runs 5
  run bench/prefetch.py --orders 300 --instant-documents
  run bench/simulator_labels.py --startups 2 --rounds 1
  run bench/zpl_render.py --runs 10
  run bench/documents.py --runs 5
  run bench/hostile.py --deadline 10 --drip-interval 2
  run bench/reliability.py --quick
else
  run bench/gui_cold_start.py
  run bench/scan_to_spool.py
  run bench/gui_stall.py
  run bench/gui_settings.py
  run bench/client_overhead.py
  run bench/gui_memory.py
  run bench/printing_convert.py
  run bench/prefetch.py --instant-documents
  run bench/simulator_labels.py
  run bench/zpl_render.py
  run bench/documents.py
  run bench/hostile.py
  run bench/site.py  # 8 bench processes, 2,000 POs of a 3,000-order book: about 5 minutes
  run bench/reliability.py --part fast
  run bench/reliability.py --part faults
  run bench/reliability.py --part crash
fi
run bench/report.py --check

if (( ${#failed[@]} )); then
  printf '!! failed: %s\n' "${failed[@]}"
  exit 1
fi
