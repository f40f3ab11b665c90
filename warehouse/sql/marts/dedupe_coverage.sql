-- marts.dedupe_coverage
--
-- How many postings each night's vacancies gather, and how many are
-- cross-posted. Grain: one row per night that has staged postings.
--
-- Postings are those staged that night; each is followed to its vacancy
-- through core.vacancy_postings. postings_per_vacancy is linked postings over
-- vacancies, and share_cross_posted the share of the night's vacancies shown
-- by two or more boards. n_postings_linked below n_postings means postings
-- that no vacancy holds yet (a night whose dedupe did not run).

with

staged_postings as (
    select * from staging.postings
),

vacancy_postings as (
    select * from core.vacancy_postings
),

linked as (
    select
        staged_postings.run_date as night_date,
        staged_postings.board,
        vacancy_postings.vacancy_id
    from staged_postings
    left join vacancy_postings
        on vacancy_postings.posting_id = staged_postings.posting_id
),

postings_per_night as (
    select
        night_date,
        count(*) as n_postings,
        count(vacancy_id) as n_postings_linked,
        count(distinct board) as n_boards
    from linked
    group by night_date
),

vacancy_boards as (
    select
        night_date,
        vacancy_id,
        count(distinct board) as n_boards
    from linked
    where vacancy_id is not null
    group by night_date, vacancy_id
),

vacancies_per_night as (
    select
        night_date,
        count(*) as n_vacancies,
        sum(case when n_boards > 1 then 1 else 0 end) as n_cross_posted
    from vacancy_boards
    group by night_date
),

final as (
    select
        postings_per_night.night_date,
        postings_per_night.n_boards,
        postings_per_night.n_postings,
        postings_per_night.n_postings_linked,
        coalesce(vacancies_per_night.n_vacancies, 0) as n_vacancies,
        coalesce(vacancies_per_night.n_cross_posted, 0) as n_cross_posted,
        cast(postings_per_night.n_postings_linked as double precision)
        / nullif(vacancies_per_night.n_vacancies, 0) as postings_per_vacancy,
        cast(vacancies_per_night.n_cross_posted as double precision)
        / nullif(vacancies_per_night.n_vacancies, 0) as share_cross_posted
    from postings_per_night
    left join vacancies_per_night
        on vacancies_per_night.night_date = postings_per_night.night_date
)

select * from final
