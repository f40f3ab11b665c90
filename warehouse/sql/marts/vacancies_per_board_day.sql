-- marts.vacancies_per_board_day
--
-- Vacancies open, new and closed on each night, by board.
-- Grain: one row per night and board.
--
-- A vacancy counts for every board that has ever shown one of its postings,
-- so a cross-posted vacancy counts once on each of its boards and the rows
-- of a night add up to more than the night's vacancies. Open, new and closed
-- follow the vacancy (see vacancies_per_day); days_open_closed sums the days
-- open of the vacancies closed that night, so a board's mean time open is
-- sum(days_open_closed) / sum(n_closed).

with

runs as (
    select * from core.runs
),

vacancies as (
    select * from core.vacancies
),

vacancy_postings as (
    select * from core.vacancy_postings
),

nights as (
    select distinct run_date as night_date
    from runs
    where step = 'dedupe' and status = 'ok'
),

vacancy_boards as (
    select distinct vacancy_id, board
    from vacancy_postings
),

board_vacancies as (
    select
        vacancy_boards.board,
        vacancies.first_seen_date,
        vacancies.closed_date
    from vacancy_boards
    inner join vacancies
        on vacancies.vacancy_id = vacancy_boards.vacancy_id
),

board_nights as (
    select
        nights.night_date,
        board_vacancies.board,
        board_vacancies.first_seen_date,
        board_vacancies.closed_date
    from nights
    inner join board_vacancies
        on board_vacancies.first_seen_date <= nights.night_date
        and (
            board_vacancies.closed_date is null
            or board_vacancies.closed_date >= nights.night_date
        )
),

final as (
    select
        night_date,
        board,
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
    from board_nights
    group by night_date, board
)

select * from final
