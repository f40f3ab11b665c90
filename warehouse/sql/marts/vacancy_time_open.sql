-- marts.vacancy_time_open
--
-- How long vacancies stay open before they close, by occupation and province.
-- Grain: one row per ISCO-08 unit group and province of closed vacancies.
--
-- Days open run from a vacancy's first_seen_date to its closed_date (the
-- first night no board showed it). Only closed vacancies count: an open
-- vacancy's time is not known yet. For time open by board, see
-- vacancies_per_board_day.

with

vacancies as (
    select * from core.vacancies
),

isco_groups as (
    select * from core.isco_groups
),

closed_vacancies as (
    select
        isco08,
        province,
        closed_date - first_seen_date as days_open
    from vacancies
    where closed_date is not null
),

summarised as (
    select
        isco08,
        province,
        count(*) as n_closed,
        avg(cast(days_open as double precision)) as mean_days_open,
        percentile_cont(0.5) within group (order by days_open) as median_days_open,
        percentile_cont(0.9) within group (order by days_open) as p90_days_open
    from closed_vacancies
    group by isco08, province
),

final as (
    select
        substr(summarised.isco08, 1, 1) as isco_major_group,
        major_groups.label as isco_major_label,
        summarised.isco08,
        unit_groups.label as isco08_label,
        summarised.province,
        summarised.n_closed,
        summarised.mean_days_open,
        summarised.median_days_open,
        summarised.p90_days_open
    from summarised
    left join isco_groups as major_groups
        on major_groups.isco_code = substr(summarised.isco08, 1, 1)
    left join isco_groups as unit_groups
        on unit_groups.isco_code = summarised.isco08
)

select * from final
