"""sql/rollups.sql and sql/extracts.sql run for real on DuckDB over the deals of the example portal and of the Maven
CRM export (when it is beside the repository), imported with `fieldbook import rollups` and `fieldbook import
extract`: the portal built from the warehouse's results publishes the same API, byte for byte, as the one built from
the deals, and lists the same deals behind its figures."""
import datetime
import glob
import json
import os
import re
import shutil
import subprocess

import duckdb
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(ROOT, ".build", "debug", "fieldbook")
MAVEN = os.path.join(os.path.dirname(ROOT), "shared", "datasets", "maven-crm")
QUERIES = os.path.join(ROOT, "sql")
# Days in each part of the data: its first weeks, mid-quarter, a quarter's last day, mid-month, a year's last day.
AS_OF_DATES = {
    "example": ["2024-12-10", "2025-03-31", "2025-08-15", "2025-12-31", "2026-11-20"],
    "maven": ["2016-11-02", "2017-03-15", "2017-05-01", "2017-06-30", "2017-09-14", "2017-12-31"],
}
# The first day by which each data set has won a deal.
FIRST_WIN = {"example": "2024-11-01", "maven": "2017-03-01"}


def fieldbook(*args):
    result = subprocess.run([BINARY, *args], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def plain_amounts(portal):
    """Amounts the import estimated from list prices become plain amounts: a warehouse's deals table has no such flag."""
    path = portal / "content" / "data" / "deals.json"
    deals = json.loads(path.read_text(encoding="utf-8"))
    for deal in deals:
        deal.pop("amount_estimated", None)
    path.write_text("[\n" + ",\n".join(json.dumps(deal, ensure_ascii=False) for deal in deals) + "\n]\n", encoding="utf-8")


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example portal of the repository: generated deals with expected closes, probabilities and estimates."""
    work = tmp_path_factory.mktemp("warehouse-example")
    for name in ("content", "templates"):
        shutil.copytree(os.path.join(ROOT, name), work / "portal" / name)
    shutil.copy(os.path.join(ROOT, "fieldbook.json"), work / "portal" / "fieldbook.json")
    plain_amounts(work / "portal")
    return work


@pytest.fixture(scope="module")
def maven(tmp_path_factory):
    """A portal of the Maven export, its deals given what the export lacks, so every rule is exercised: an expected
    close on every fifth open deal, a probability of its own on every seventh deal (won and lost ones too: one won
    after the as-of date weighs only its own), and no created date on every fiftieth open deal."""
    if not os.path.exists(os.path.join(MAVEN, "sales_pipeline.csv")):
        pytest.skip("the Maven CRM export is not beside the repository (../shared/datasets/maven-crm)")
    work = tmp_path_factory.mktemp("warehouse-maven")
    fieldbook("init", str(work / "portal"))
    fieldbook("import", "team", os.path.join(MAVEN, "sales_teams.csv"), "--portal", str(work / "portal"))
    fieldbook(
        "import", "deals", os.path.join(MAVEN, "sales_pipeline.csv"), "--prices", os.path.join(MAVEN, "products.csv"),
        "--portal", str(work / "portal"))
    path = work / "portal" / "content" / "data" / "deals.json"
    deals = json.loads(path.read_text(encoding="utf-8"))
    for index, deal in enumerate(deals):
        if deal["stage"] not in ("won", "lost"):
            if index % 5 == 0 and "created" in deal:
                deal["expected_close"] = (datetime.date.fromisoformat(deal["created"]) + datetime.timedelta(days=60)).isoformat()
            if index % 50 == 0:
                deal.pop("created", None)
        if index % 7 == 0:
            deal["probability"] = 0.25
    path.write_text("[\n" + ",\n".join(json.dumps(deal, ensure_ascii=False) for deal in deals) + "\n]\n", encoding="utf-8")
    plain_amounts(work / "portal")
    return work


def warehouse(portal, folder):
    """docs/warehouse.md's recipe: the tables from the portal, both queries on the deals, the results as CSV."""
    fieldbook("warehouse", str(folder / "tables"), "--portal", str(portal))
    con = duckdb.connect()
    deals = portal / "content" / "data" / "deals.json"
    con.execute(
        f"""CREATE TABLE deals AS SELECT * FROM read_json('{deals}', columns={{
            'id': 'VARCHAR', 'rep': 'VARCHAR', 'stage': 'VARCHAR', 'account': 'VARCHAR', 'product': 'VARCHAR',
            'amount': 'DECIMAL(18,2)', 'created': 'DATE', 'closed': 'DATE', 'expected_close': 'DATE', 'probability': 'DOUBLE'}})""")
    con.execute(
        f"CREATE TABLE stages AS SELECT * FROM read_csv('{folder}/tables/stages.csv', header = true, "
        "columns = {'stage': 'VARCHAR', 'probability': 'DOUBLE'})")
    con.execute(
        f"CREATE TABLE days AS SELECT * FROM read_csv('{folder}/tables/days.csv', header = true, "
        "columns = {'kind': 'VARCHAR', 'first_day': 'DATE', 'last_day': 'DATE'})")
    con.execute(
        f"CREATE TABLE periods AS SELECT * FROM read_csv('{folder}/tables/periods.csv', header = true, columns = "
        "{'period': 'VARCHAR', 'first_day': 'DATE', 'last_day': 'DATE', 'stock_day': 'DATE', 'current': 'INTEGER'})")
    con.execute(
        f"CREATE TABLE reps AS SELECT * FROM read_csv('{folder}/tables/reps.csv', header = true, "
        "columns = {'rep': 'VARCHAR', 'region': 'VARCHAR', 'manager': 'VARCHAR'})")
    for query in ("rollups", "extracts"):
        with open(os.path.join(QUERIES, query + ".sql"), encoding="utf-8") as file:
            con.execute(f"COPY ({file.read()}) TO '{folder}/{query}.csv' (HEADER)")
    return folder / "rollups.csv", folder / "extracts.csv"


def lists(page):
    """Each list of deals on a deals page, by list: its heading's count and amount, its note, its rows."""
    text = page.read_text(encoding="utf-8")
    sections = re.findall(r'<section[^>]*id="(won|lost|created|open)"[^>]*>(.*?)</section>', text, re.S)
    return {
        name: (
            re.search(r'<h2[^>]*>.*?<span class="muted">(.*?)</span>', body, re.S).group(1),
            re.findall(r'<p class="muted">(.*?)</p>', body),
            "".join(re.findall(r"<tbody>(.*?)</tbody>", body, re.S)),
        )
        for name, body in sections
    }


def from_deals(name, list_):
    """A list as a build from rollups shows it: the rollups count no amounts of lost or created deals, so their
    headings give the count alone."""
    heading, notes, rows = list_
    return (heading.split(" · ")[0] if name in ("lost", "created") else heading, notes, rows)


def files(folder):
    return sorted(os.path.relpath(os.path.join(top, name), folder) for top, _, names in os.walk(folder) for name in names)


@pytest.mark.parametrize("data,as_of", [(data, day) for data, days in AS_OF_DATES.items() for day in days])
def test_the_api_from_rollups_is_the_api_from_deals(request, data, as_of):
    base = request.getfixturevalue(data)
    folder = base / as_of
    deals_portal = folder / "deals"
    shutil.copytree(base / "portal", deals_portal)
    settings = json.loads((deals_portal / "fieldbook.json").read_text(encoding="utf-8"))
    settings["asOf"] = as_of
    (deals_portal / "fieldbook.json").write_text(json.dumps(settings), encoding="utf-8")
    fieldbook("build", str(deals_portal), "--output", str(folder / "from-deals"))

    rollups, extract = warehouse(deals_portal, folder)
    rollups_portal = folder / "rollups"
    shutil.copytree(deals_portal, rollups_portal)
    os.remove(rollups_portal / "content" / "data" / "deals.json")
    imported = fieldbook("import", "rollups", str(rollups), "--portal", str(rollups_portal))
    assert "month rows and" in imported.stdout
    fieldbook("import", "extract", str(extract), "--portal", str(rollups_portal))
    fieldbook("build", str(rollups_portal), "--output", str(folder / "from-rollups"))

    api = folder / "from-deals" / "api"
    assert files(api) == files(folder / "from-rollups" / "api")
    different = [name for name in files(api) if (api / name).read_bytes() != (folder / "from-rollups" / "api" / name).read_bytes()]
    assert different == []
    # The comparison holds figures worth comparing: open deals, revenue once deals are won, and
    # for a month under way its like-for-like change (its previous month is always in the data here) and forecasts.
    team = json.loads((api / "team.json").read_text(encoding="utf-8"))
    current = [period for period in team["periods"] if period["start"] <= as_of <= period["end"]]
    assert current and all(period["open_deals"] > 0 for period in current)
    assert any(period["revenue"] for period in team["periods"]) == (as_of >= FIRST_WIN[data])
    for period in current:
        if period["partial"] and period["kind"] == "month":
            assert period["revenue_change"] is not None and period["deals_created_change"] is not None
        if period["partial"] and period["kind"] == "quarter":
            assert [forecast["method"] for forecast in period["forecasts"]] == ["run_rate", "pipeline"]

    # Every list behind the figures (the team's, each region's and manager's in every period) shows
    # the same deals from the extract as from all the deals, under the same count and amount (from the figures).
    pages = sorted(os.path.relpath(path, folder / "from-deals") for path in glob.glob(f"{folder}/from-deals/**/deals/index.html", recursive=True))
    assert len(pages) > 30  # 35 in the example's first weeks (the team, 3 regions, 3 managers), hundreds later
    compared = 0
    for page in pages:
        expected = {name: from_deals(name, list_) for name, list_ in lists(folder / "from-deals" / page).items()}
        assert lists(folder / "from-rollups" / page) == expected, page
        compared += sum(1 for _, _, rows in expected.values() if rows)
    assert compared > 40  # lists with rows
    # A scorecard's lists (now, on the scorecard itself) likewise; its open deals are the extract's largest, under the
    # count of all of them (the figure), their rows showing age and flags that need every deal, so compared by heading.
    notes = 0
    for rep in os.listdir(folder / "from-deals" / "reps"):
        page = os.path.join("reps", rep, "index.html")
        if not os.path.exists(folder / "from-deals" / page):
            continue
        expected = {name: from_deals(name, list_) for name, list_ in lists(folder / "from-deals" / page).items()}
        found = lists(folder / "from-rollups" / page)
        assert expected.keys() == found.keys() and "open" in expected, page
        assert {n: v for n, v in found.items() if n != "open"} == {n: v for n, v in expected.items() if n != "open"}, page
        assert found["open"][:2] == expected["open"][:2], page
        notes += len(expected["open"][1])
    # One note for each rep with more open deals than a list shows, by the API's figure for the quarter under way.
    def open_deals(rep):
        periods = json.loads((api / "reps" / rep).read_text(encoding="utf-8"))["periods"]
        return next(p["open_deals"] for p in periods if p["kind"] == "quarter" and p["start"] <= as_of <= p["end"])
    assert notes == sum(1 for rep in os.listdir(api / "reps") if open_deals(rep) > 50)


def test_pages_from_rollups_say_there_are_no_deals_to_list(example):
    folder = example / "pages"
    portal = folder / "portal"
    shutil.copytree(example / "portal", portal)
    settings = json.loads((portal / "fieldbook.json").read_text(encoding="utf-8"))
    settings["asOf"] = "2026-11-20"
    (portal / "fieldbook.json").write_text(json.dumps(settings), encoding="utf-8")
    csv, extract = warehouse(portal, folder)
    # An extract lists the deals behind rollups: without them, an error.
    alone = subprocess.run([BINARY, "import", "extract", str(extract), "--portal", str(portal)], capture_output=True, text=True)
    assert alone.returncode == 1 and "import them first (fieldbook import rollups FILE.csv)" in alone.stderr
    # Both deals and rollups: which would count? An error, and nothing is imported.
    refused = subprocess.run([BINARY, "import", "rollups", str(csv), "--portal", str(portal)], capture_output=True, text=True)
    assert refused.returncode == 1
    assert "a portal has deals or rollups, not both" in refused.stderr
    os.remove(portal / "content" / "data" / "deals.json")
    fieldbook("import", "rollups", str(csv), "--portal", str(portal))
    fieldbook("build", str(portal), "--output", str(folder / "public"))
    dashboard = (folder / "public" / "index.html").read_text(encoding="utf-8")
    assert "the deals behind them (lists of deals, the pipeline by stage, wins) are not in this portal" in dashboard
    assert "No deals won" not in dashboard
    scorecards = [name for name in os.listdir(folder / "public" / "reps") if (folder / "public" / "reps" / name).is_dir()]
    assert scorecards and not any((folder / "public" / "reps" / name / "deals").exists() for name in scorecards)
    scorecard = (folder / "public" / "reps" / scorecards[0] / "index.html").read_text(encoding="utf-8")
    assert "No open deals" not in scorecard and 'id="open-title"' not in scorecard and 'id="won-title"' not in scorecard
    # An extract made for another day, or missing deals a list needs: an error, never a list silently short.
    rows = extract.read_text(encoding="utf-8").splitlines()
    other = folder / "other.csv"
    other.write_text("\n".join(rows[:2] + [rows[2].rsplit(",", 1)[0] + ",2026-11-19"] + rows[3:]) + "\n", encoding="utf-8")
    refused = subprocess.run([BINARY, "import", "extract", str(other), "--portal", str(portal)], capture_output=True, text=True)
    assert refused.returncode == 1 and 'other.csv:3:1: error: as_of "2026-11-19" is not the rollups\' 2026-11-20' in refused.stderr
    short = folder / "short.csv"
    short.write_text("\n".join(rows[: len(rows) // 2]) + "\n", encoding="utf-8")
    fieldbook("import", "extract", str(short), "--portal", str(portal))
    failed = subprocess.run([BINARY, "build", str(portal), "--output", str(folder / "public")], capture_output=True, text=True)
    assert failed.returncode == 1 and "error: the team, " in failed.stderr and "the extract holds" in failed.stderr
    # With the whole extract, the lists come back (counted from the figures, their rows the largest deals), and the
    # pages say where they come from; what needs every deal (the pipeline by stage) stays out.
    fieldbook("import", "extract", str(extract), "--portal", str(portal))
    fieldbook("build", str(portal), "--output", str(folder / "public"))
    dashboard = (folder / "public" / "index.html").read_text(encoding="utf-8")
    assert "and the lists of deals from its extract of the largest deals" in dashboard
    assert "Wins wall" in dashboard and 'class="wins"' in dashboard and "Pipeline health" not in dashboard
    scorecard = (folder / "public" / "reps" / scorecards[0] / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="open-title">Open deals <span class="muted">' in scorecard and '<h2 id="won-title">' in scorecard
    # Rollups counted as of another day than the portal's: an error naming both, and the output is untouched.
    settings["asOf"] = "2026-11-21"
    (portal / "fieldbook.json").write_text(json.dumps(settings), encoding="utf-8")
    before = (folder / "public" / "index.html").read_bytes()
    stale = subprocess.run([BINARY, "build", str(portal), "--output", str(folder / "public")], capture_output=True, text=True)
    assert stale.returncode == 1
    assert "the rollups count deals as of 2026-11-20, but fieldbook.json's asOf is 2026-11-21" in stale.stderr
    assert (folder / "public" / "index.html").read_bytes() == before
