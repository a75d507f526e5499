-- Fieldbook rollups: every deal-based figure of a portal, counted in the warehouse (docs/warehouse.md).
--
-- Reads three tables:
--   deals   id, rep, stage, amount, created, closed, expected_close, probability, product, account
--           (docs/data.md's meanings: stage 'won', 'lost' or an open stage; amount in currency units;
--           dates as DATE; probability 0 to 1, or NULL for the stage's)
--   stages  stage, probability            the portal's pipeline.stages   } both written by
--   days    kind, first_day, last_day     'as_of' and 'window' rows      } `fieldbook warehouse`
-- and returns one row per rep and month ('month' rows: year, month) and per rep and window of days ('window' rows:
-- first_day, last_day). Save the result as CSV and run `fieldbook import rollups FILE.csv`.
--
-- Standard SQL. The one dialect difference is the number of days between two dates, marked DIALECT below: DuckDB,
-- PostgreSQL and Snowflake write `closed - created`; docs/warehouse.md gives BigQuery's, Spark's and Trino's.
WITH
as_of AS (
    SELECT first_day AS day FROM days WHERE kind = 'as_of'
),
-- Every deal as it stood on the as-of date: one created after it did not exist yet; one won or lost after it was
-- still open then, at a stage unknown then (it weighs only its own probability).
d AS (
    SELECT
        deals.rep,
        deals.created,
        CASE WHEN deals.stage IN ('won', 'lost') AND deals.closed <= as_of.day THEN deals.stage ELSE 'open' END AS state,
        CASE WHEN deals.stage IN ('won', 'lost') AND deals.closed <= as_of.day THEN deals.closed END AS closed,
        deals.closed AS closed_any,
        deals.expected_close,
        CAST(ROUND(COALESCE(deals.amount, 0) * 100) AS BIGINT) AS cents,
        COALESCE(deals.probability, CASE WHEN deals.stage IN ('won', 'lost') THEN NULL ELSE stages.probability END, 0) AS weight,
        CASE WHEN deals.stage = 'won' AND deals.closed <= as_of.day AND deals.created IS NOT NULL
            THEN deals.closed - deals.created  -- DIALECT: days from created to closed
        END AS cycle,
        as_of.day AS as_of
    FROM deals
    CROSS JOIN as_of
    LEFT JOIN stages ON stages.stage = deals.stage
    WHERE deals.created IS NULL OR deals.created <= as_of.day
),
-- A deal is open from the month it was created (without a date: only in the as-of month) until the month it closed.
spans AS (
    SELECT
        d.*,
        COALESCE(EXTRACT(YEAR FROM created), EXTRACT(YEAR FROM as_of)) AS open_year,
        COALESCE(EXTRACT(MONTH FROM created), EXTRACT(MONTH FROM as_of)) AS open_month,
        EXTRACT(YEAR FROM closed) AS close_year,
        EXTRACT(MONTH FROM closed) AS close_month
    FROM d
),
-- What happens to each rep in each month: flows where deals are created and closed, stock changes where they open and
-- close, the weighted pipeline in the as-of month, and pending weighted amounts in the months of expected closes.
events AS (
    SELECT rep, EXTRACT(YEAR FROM created) AS year, EXTRACT(MONTH FROM created) AS month,
        1 AS created, 0 AS won, 0 AS lost, 0 AS revenue, 0 AS cycle_days, 0 AS cycle_count,
        0 AS open_change, 0 AS pipeline_change, 0.0 AS weighted, 0.0 AS pending
    FROM d WHERE created IS NOT NULL
    UNION ALL
    SELECT rep, EXTRACT(YEAR FROM closed_any), EXTRACT(MONTH FROM closed_any),
        0, CASE WHEN state = 'won' THEN 1 ELSE 0 END, CASE WHEN state = 'lost' THEN 1 ELSE 0 END,
        CASE WHEN state = 'won' THEN cents ELSE 0 END, COALESCE(cycle, 0), CASE WHEN cycle IS NULL THEN 0 ELSE 1 END,
        0, 0, 0.0, 0.0
    FROM d WHERE closed_any <= as_of
    UNION ALL
    SELECT rep, open_year, open_month, 0, 0, 0, 0, 0, 0, 1, cents, 0.0, 0.0
    FROM spans WHERE closed IS NULL OR open_year * 12 + open_month < close_year * 12 + close_month
    UNION ALL
    SELECT rep, close_year, close_month, 0, 0, 0, 0, 0, 0, -1, -cents, 0.0, 0.0
    FROM spans WHERE closed IS NOT NULL AND open_year * 12 + open_month < close_year * 12 + close_month
    UNION ALL
    SELECT rep, EXTRACT(YEAR FROM as_of), EXTRACT(MONTH FROM as_of), 0, 0, 0, 0, 0, 0, 0, 0, cents * weight, 0.0
    FROM d WHERE state = 'open'
    UNION ALL
    SELECT rep, EXTRACT(YEAR FROM expected_close), EXTRACT(MONTH FROM expected_close), 0, 0, 0, 0, 0, 0, 0, 0, 0.0, cents * weight
    FROM d WHERE state = 'open' AND expected_close > as_of
),
months AS (
    SELECT rep, year, month,
        SUM(created) AS created, SUM(won) AS won, SUM(lost) AS lost, SUM(revenue) AS revenue,
        SUM(cycle_days) AS cycle_days, SUM(cycle_count) AS cycle_count,
        SUM(open_change) AS open_change, SUM(pipeline_change) AS pipeline_change,
        SUM(weighted) AS weighted, SUM(pending) AS pending
    FROM events
    GROUP BY rep, year, month
),
-- Per rep and window of days: flows within it, stocks at its last day.
windows AS (
    SELECT d.rep, w.first_day, w.last_day,
        SUM(CASE WHEN d.created BETWEEN w.first_day AND w.last_day THEN 1 ELSE 0 END) AS created,
        SUM(CASE WHEN d.state = 'won' AND d.closed BETWEEN w.first_day AND w.last_day THEN 1 ELSE 0 END) AS won,
        SUM(CASE WHEN d.state = 'lost' AND d.closed BETWEEN w.first_day AND w.last_day THEN 1 ELSE 0 END) AS lost,
        SUM(CASE WHEN d.state = 'won' AND d.closed BETWEEN w.first_day AND w.last_day THEN d.cents ELSE 0 END) AS revenue,
        SUM(CASE WHEN d.closed BETWEEN w.first_day AND w.last_day THEN COALESCE(d.cycle, 0) ELSE 0 END) AS cycle_days,
        SUM(CASE WHEN d.closed BETWEEN w.first_day AND w.last_day AND d.cycle IS NOT NULL THEN 1 ELSE 0 END) AS cycle_count,
        SUM(CASE WHEN d.created <= w.last_day AND (d.closed IS NULL OR d.closed > w.last_day) THEN 1 ELSE 0 END) AS open,
        SUM(CASE WHEN d.created <= w.last_day AND (d.closed IS NULL OR d.closed > w.last_day) THEN d.cents ELSE 0 END) AS pipeline
    FROM d
    CROSS JOIN (SELECT DISTINCT first_day, last_day FROM days WHERE kind = 'window') w
    GROUP BY d.rep, w.first_day, w.last_day
)
SELECT 'month' AS kind, rep, (SELECT day FROM as_of) AS as_of, year, month,
    CAST(NULL AS DATE) AS first_day, CAST(NULL AS DATE) AS last_day,
    created, won, lost, revenue / 100.0 AS revenue, cycle_days, cycle_count,
    SUM(open_change) OVER (PARTITION BY rep ORDER BY year, month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS open,
    SUM(pipeline_change) OVER (PARTITION BY rep ORDER BY year, month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) / 100.0 AS pipeline,
    weighted / 100.0 AS weighted, pending / 100.0 AS pending
FROM months
UNION ALL
SELECT 'window', rep, (SELECT day FROM as_of), CAST(NULL AS INTEGER), CAST(NULL AS INTEGER), first_day, last_day,
    created, won, lost, revenue / 100.0, cycle_days, cycle_count, open, pipeline / 100.0, 0.0, 0.0
FROM windows
ORDER BY 1, 2, 4, 5, 6
