#!/usr/bin/env bash
# How a portal built from a warehouse's rollups (docs/warehouse.md) scales: its cost should grow with reps × months,
# not with deals. Builds, one clean build each (release, no documents):
#   - REPS reps with metrics and targets and no deals (what such a team costs without deal figures),
#   - the same team with generated rollups for 12, 24 and 36 months at DEALS deals per rep and month,
#   - a fifth of the team with 36 months of rollups,
#   - the same team with about a million deals in deals.json (benchmarks/data-engine.sh's data), for comparison,
#   - and the deals portal's own rollups and extract made by sql/rollups.sql and sql/extracts.sql on DuckDB (the
#     queries' time on a laptop).
# Usage: benchmarks/warehouse.sh [WORK_DIR] [REPS] [DEALS_PER_REP_MONTH]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/settle.sh
work=${1:-/tmp/fieldbook-bench-warehouse}
reps=${2:-5000}
per_month=${3:-555}
python=.build-venv/bin/python  # scripts/setup installs duckdb there
mkdir -p .build
swiftc -O scripts/generate-data.swift -o .build/generate-data 2>/dev/null
swift build -c release --product fieldbook >/dev/null
fieldbook=.build/release/fieldbook
remove "$work" && mkdir -p "$work"
settings='{"title": "Benchmark", "asOf": "2026-12-20", "pipeline": {"stages": {"prospecting": 0.1, "engaging": 0.3, "proposal": 0.6}}}'
portal() {  # portal NAME: a copy of the generated team, targets and metrics, without deals
    mkdir -p "$work/$1/content" && echo "$settings" > "$work/$1/fieldbook.json"
    cp -r "$work/deals/content/data" "$work/$1/content/" && rm "$work/$1/content/data/deals.json"
}
echo "$settings" > "$work/deals.json" && mkdir -p "$work/deals" && mv "$work/deals.json" "$work/deals/fieldbook.json"
.build/generate-data --portal "$work/deals" --reps "$reps" --deals-per-month 8 --from 2025-01 --to 2026-12-20 --seed 7
portal none
"$fieldbook" warehouse "$work/tables" --portal "$work/deals" >/dev/null
for months in 12 24 36; do
    portal "rollups-$months"
    python3 benchmarks/generate-rollups.py "$work/deals/content/data/team.json" "$work/tables/days.csv" "$work/rollups-$months.csv" "$months" "$per_month"
    "$fieldbook" import rollups "$work/rollups-$months.csv" --portal "$work/rollups-$months" | tail -1
done
portal rollups-fifth
"$python" - "$work" "$reps" <<'PY'
import json, sys
work, reps = sys.argv[1], int(sys.argv[2])
path = f"{work}/rollups-fifth/content/data/team.json"
team = json.load(open(path))
team["reps"] = team["reps"][: reps // 5]
json.dump(team, open(path, "w"))
for name in ("targets.json", "metrics.json", "training.json"):
    kept = {rep["id"] for rep in team["reps"]}
    rows = json.load(open(f"{work}/rollups-fifth/content/data/{name}"))
    json.dump([row for row in rows if row.get("rep", next(iter(kept))) in kept], open(f"{work}/rollups-fifth/content/data/{name}", "w"))
PY
python3 benchmarks/generate-rollups.py "$work/rollups-fifth/content/data/team.json" "$work/tables/days.csv" "$work/rollups-fifth.csv" 36 "$per_month"
"$fieldbook" import rollups "$work/rollups-fifth.csv" --portal "$work/rollups-fifth" | tail -1
# The deals portal's own rollups, by the query on DuckDB: the warehouse's side of the work.
start=$(date +%s.%N)
"$python" - "$work" <<'PY'
import duckdb, sys
work = sys.argv[1]
con = duckdb.connect()
con.execute(f"""CREATE TABLE deals AS SELECT * FROM read_json('{work}/deals/content/data/deals.json', columns={{
    'id': 'VARCHAR', 'rep': 'VARCHAR', 'stage': 'VARCHAR', 'account': 'VARCHAR', 'product': 'VARCHAR', 'amount': 'DECIMAL(18,2)',
    'created': 'DATE', 'closed': 'DATE', 'expected_close': 'DATE', 'probability': 'DOUBLE'}})""")
con.execute(f"CREATE TABLE stages AS SELECT * FROM read_csv('{work}/tables/stages.csv', header = true)")
con.execute(f"CREATE TABLE days AS SELECT * FROM read_csv('{work}/tables/days.csv', header = true, columns = {{'kind': 'VARCHAR', 'first_day': 'DATE', 'last_day': 'DATE'}})")
con.execute(f"CREATE TABLE periods AS SELECT * FROM read_csv('{work}/tables/periods.csv', header = true, columns = {{'period': 'VARCHAR', 'first_day': 'DATE', 'last_day': 'DATE', 'stock_day': 'DATE', 'current': 'INTEGER'}})")
con.execute(f"CREATE TABLE reps AS SELECT * FROM read_csv('{work}/tables/reps.csv', header = true, columns = {{'rep': 'VARCHAR', 'region': 'VARCHAR', 'manager': 'VARCHAR'}})")
import time
for query in ("rollups", "extracts"):
    start = time.time()
    con.execute(f"COPY ({open(f'sql/{query}.sql').read()}) TO '{work}/{query}-deals.csv' (HEADER)")
    print(f"DuckDB: sql/{query}.sql over the deals in {time.time() - start:.2f} s")
PY
end=$(date +%s.%N)
echo "DuckDB: loading $(grep -c '"id"' "$work/deals/content/data/deals.json") deals from deals.json and both queries: $(echo "$end - $start" | bc) s"
portal rollups-deals
"$fieldbook" import rollups "$work/rollups-deals.csv" --portal "$work/rollups-deals" | tail -1
"$fieldbook" import extract "$work/extracts-deals.csv" --portal "$work/rollups-deals" | tail -1
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr)"
settle  # ext4 creates files slowly for minutes after deleting many
for name in none rollups-fifth rollups-12 rollups-24 rollups-36 rollups-deals deals; do
    sync
    /usr/bin/time -f "$name: %e s wall, %M KB peak memory" "$fieldbook" build "$work/$name" >/dev/null
    echo "  $(find "$work/$name/public" -name '*.html' | wc -l) pages, data $(du -sh "$work/$name/content/data" | cut -f1)"
done
