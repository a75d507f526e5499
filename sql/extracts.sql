-- Fieldbook extracts: the largest deals behind each list the portal shows (docs/warehouse.md), a bounded extract
-- to go with sql/rollups.sql's counts.
--
-- Reads the table `deals` (as sql/rollups.sql does) and three tables `fieldbook warehouse` writes:
--   days     kind, first_day, last_day                          the 'as_of' row
--   periods  period, first_day, last_day, stock_day, current    every month, quarter and year shown, and 'week'
--   reps     rep, region, manager                               the team
-- and returns deals in the columns of `deals`, and the as-of date: for the team, each region and each manager in
-- every period, and for each rep in the month, quarter and year of the as-of date, the 50 largest deals of each list
-- (won, lost, created, open), largest amount first (deals without one last), then by id. Save the result as CSV and
-- run `fieldbook import extract FILE.csv`.
--
-- Standard SQL, no dialect differences.
WITH
as_of AS (
    SELECT first_day AS day FROM days WHERE kind = 'as_of'
),
-- Every deal as it stood on the as-of date, as in sql/rollups.sql.
d AS (
    SELECT
        deals.id,
        deals.rep,
        deals.created,
        CASE WHEN deals.stage IN ('won', 'lost') AND deals.closed <= as_of.day THEN deals.stage ELSE 'open' END AS state,
        CASE WHEN deals.stage IN ('won', 'lost') AND deals.closed <= as_of.day THEN deals.closed END AS closed,
        COALESCE(deals.amount, -1) AS size,
        as_of.day AS as_of
    FROM deals
    CROSS JOIN as_of
    WHERE deals.created IS NULL OR deals.created <= as_of.day
),
-- Each period's lists: won and lost with `closed` in it, created in it, and open at the end of its stock month (a deal
-- without a `created` date only in the as-of month).
listed AS (
    SELECT 'won' AS list, p.period, p.current, d.id, d.rep, d.size
    FROM d JOIN periods p ON d.state = 'won' AND d.closed BETWEEN p.first_day AND p.last_day
    UNION ALL
    SELECT 'lost', p.period, p.current, d.id, d.rep, d.size
    FROM d JOIN periods p ON d.state = 'lost' AND d.closed BETWEEN p.first_day AND p.last_day
    UNION ALL
    SELECT 'created', p.period, p.current, d.id, d.rep, d.size
    FROM d JOIN periods p ON d.created BETWEEN p.first_day AND p.last_day
    UNION ALL
    SELECT 'open', p.period, p.current, d.id, d.rep, d.size
    FROM d JOIN periods p
        ON (CASE WHEN d.created IS NULL THEN p.stock_day >= d.as_of ELSE d.created <= p.stock_day END)
        AND (d.closed IS NULL OR d.closed > p.stock_day)
),
-- Who sees each list: the team, the rep's region and manager, and the rep (in the current period).
scoped AS (
    SELECT 'team' AS scope, l.* FROM listed l
    UNION ALL
    SELECT 'region ' || r.region, l.* FROM listed l JOIN reps r ON r.rep = l.rep
    UNION ALL
    SELECT 'manager ' || r.manager, l.* FROM listed l JOIN reps r ON r.rep = l.rep WHERE r.manager <> ''
    UNION ALL
    SELECT 'rep ' || l.rep, l.* FROM listed l WHERE l.current = 1
),
ranked AS (
    SELECT id, ROW_NUMBER() OVER (PARTITION BY scope, list, period ORDER BY size DESC, id) AS place
    FROM scoped
)
SELECT deals.id, deals.rep, deals.stage, deals.amount, deals.created, deals.closed, deals.expected_close, deals.probability,
    deals.product, deals.account, (SELECT day FROM as_of) AS as_of
FROM deals
WHERE deals.id IN (SELECT id FROM ranked WHERE place <= 50)
ORDER BY deals.id
