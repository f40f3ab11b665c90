-- marts.coding_coverage
--
-- The share of each night's open vacancies coded to an ISCO-08 occupation.
-- Grain: one row per night whose dedupe step finished (core.runs).
--
-- Open follows vacancies_per_day. Codes are as they stand now, so a
-- taxonomy import that recodes vacancies changes earlier nights too; the
-- share the classify step saw on the night itself is in core.runs.

with

runs as (
    select * from core.runs
),

vacancies as (
    select * from core.vacancies
),

nights as (
    select distinct run_date as night_date
    from runs
    where step = 'dedupe' and status = 'ok'
),

open_vacancies as (
    select
        nights.night_date,
        vacancies.isco08
    from nights
    inner join vacancies
        on vacancies.first_seen_date <= nights.night_date
        and (
            vacancies.closed_date is null
            or vacancies.closed_date > nights.night_date
        )
),

counted as (
    select
        night_date,
        count(*) as n_open,
        count(isco08) as n_coded
    from open_vacancies
    group by night_date
),

final as (
    select
        night_date,
        n_open,
        n_coded,
        cast(n_coded as double precision) / nullif(n_open, 0) as share_coded
    from counted
)

select * from final
