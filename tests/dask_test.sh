#!/usr/bin/env bash
# The Dask run gives the same output lines as a single local batch run on the
# same corpus (order restored by id). Skips (77) when Dask is not installed.
set -euo pipefail
claimdiff="$1"
source_dir="$2"
/usr/bin/python3 -c "import dask.bag, distributed" 2>/dev/null || { echo "dask not installed: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$source_dir/scripts/gen_corpus.py" --records 400 --seed 7 > "$work/corpus.jsonl"
"$claimdiff" segment --jsonl - < "$work/corpus.jsonl" > "$work/local.jsonl"
/usr/bin/python3 "$source_dir/scripts/claimdiff_dask.py" --local 2 --blocksize 64KiB --claimdiff "$claimdiff" \
  segment "$work/corpus.jsonl" "$work/dask.jsonl"
sort_by_id() { /usr/bin/python3 -c '
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
for l in sorted(lines, key=lambda l: json.loads(l)["id"]): sys.stdout.write(l)' "$1"; }
sort_by_id "$work/local.jsonl" > "$work/local.sorted"
sort_by_id "$work/dask.jsonl" > "$work/dask.sorted"
n=$(wc -l < "$work/local.sorted")
[[ "$n" -eq 400 ]] || { echo "expected 400 lines, got $n"; exit 1; }
cmp "$work/local.sorted" "$work/dask.sorted"
echo "dask: 400 records, same output as the local batch run"
