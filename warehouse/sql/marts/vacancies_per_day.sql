-- marts.vacancies_per_day
--
-- Vacancies open, new and closed on each night, by occupation and province.
-- Grain: one row per night, ISCO-08 unit group and province (either may be
-- null: not coded, or no province known).
--
-- A vacancy is open on a night from its first_seen_date until the night
-- before its closed_date; it is new on its first_seen_date and closed on its
-- closed_date. Nights are those whose dedupe step finished (core.runs).
-- days_open_closed sums the days open of the vacancies closed that night, so
-- the mean time open of any roll-up is sum(days_open_closed) / sum(n_closed).
-- Occupation codes are as they stand now: a recoded vacancy moves in every
-- night it was open. A vacancy that closed and opened again counts as open
-- in between.

with

runs as (
    select * from core.runs
),

vacancies as (
    select * from core.vacancies
),

isco_groups as (
    select * from core.isco_groups
),

nights as (
    select distinct run_date as night_date
    from runs
    where step = 'dedupe' and status = 'ok'
),

vacancy_nights as (
    select
        nights.night_date,
        vacancies.isco08,
        vacancies.province,
        vacancies.first_seen_date,
        vacancies.closed_date
    from nights
    inner join vacancies
        on vacancies.first_seen_date <= nights.night_date
        and (
            vacancies.closed_date is null
            or vacancies.closed_date >= nights.night_date
        )
),

counted as (
    select
        night_date,
        isco08,
        province,
        sum(
            case
                when closed_date is null or closed_date > night_date then 1
                else 0
            end
        ) as n_open,
        sum(case when first_seen_date = night_date then 1 else 0 end) as n_new,
        sum(case when closed_date = night_date then 1 else 0 end) as n_closed,
        sum(
            case
                when closed_date = night_date then closed_date - first_seen_date
                else 0
            end
        ) as days_open_closed
    from vacancy_nights
    group by night_date, isco08, province
),

final as (
    select
        counted.night_date,
        substr(counted.isco08, 1, 1) as isco_major_group,
        major_groups.label as isco_major_label,
        counted.isco08,
        unit_groups.label as isco08_label,
        counted.province,
        counted.n_open,
        counted.n_new,
        counted.n_closed,
        counted.days_open_closed
    from counted
    left join isco_groups as major_groups
        on major_groups.isco_code = substr(counted.isco08, 1, 1)
    left join isco_groups as unit_groups
        on unit_groups.isco_code = counted.isco08
)

select * from final
