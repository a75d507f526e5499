#!/usr/bin/env python3
"""Writes what sql/rollups.sql would return for a large team (benchmarks/warehouse.sh): one row per rep and month,
about DEALS deals created per rep and month, and the window rows of the as-of date (from `fieldbook warehouse`'s
days.csv). Deterministic (a seeded generator); the figures are plausible, not a real team's.

Usage: generate-rollups.py TEAM_JSON DAYS_CSV OUT_CSV MONTHS DEALS_PER_REP_MONTH"""
import csv
import json
import random
import sys

team, days_csv, out, months, per_month = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
reps = [rep["id"] for rep in json.load(open(team, encoding="utf-8"))["reps"]]
days = list(csv.DictReader(open(days_csv, encoding="utf-8")))
as_of = next(row["first_day"] for row in days if row["kind"] == "as_of")
year, month = int(as_of[:4]), int(as_of[5:7])
last = year * 12 + month - 1
random.seed(7)
columns = ["kind", "rep", "as_of", "year", "month", "first_day", "last_day", "created", "won", "lost", "revenue",
           "cycle_days", "cycle_count", "open", "pipeline", "weighted", "pending"]
rows = 0
with open(out, "w", newline="", encoding="utf-8") as file:
    writer = csv.writer(file)
    writer.writerow(columns)
    for rep in reps:
        skill = random.uniform(0.6, 1.4)
        open_deals, pipeline = 0, 0
        for number in range(last - months + 1, last + 1):
            created = max(0, int(random.gauss(per_month, per_month / 5)))
            won = int(created * 0.25 * skill)
            lost = int(created * 0.2)
            revenue = won * round(random.uniform(1500, 3500) * skill, 2)
            open_deals = max(0, open_deals + created - won - lost)
            pipeline = round(open_deals * random.uniform(2000, 3000), 2)
            weighted = round(pipeline * 0.3, 2) if number == last else 0.0
            writer.writerow(["month", rep, as_of, number // 12, number % 12 + 1, "", "", created, won, lost, f"{revenue:.2f}",
                             won * random.randint(40, 90), won, open_deals, f"{pipeline:.2f}", weighted, 0.0])
            rows += 1
        for window in (row for row in days if row["kind"] == "window"):
            created = per_month // 2
            won = int(created * 0.25 * skill)
            writer.writerow(["window", rep, as_of, "", "", window["first_day"], window["last_day"], created, won, int(created * 0.2),
                             f"{won * 2500.0:.2f}", won * 60, won, open_deals, f"{pipeline:.2f}", 0.0, 0.0])
            rows += 1
print(f"generated {rows} rollup rows for {len(reps)} reps over {months} months ({len(reps) * months * per_month:,} deals' worth)")
