-- Each case's latest decision, written with every decision (LatestDecisions): the dashboard counts
-- open cases by it instead of ranking the whole decision history per case, which at 100,000
-- accounts with a few months of morning runs (3 million decisions) took 8 s (docs/dashboard-benchmark.md).
-- No foreign keys: it is a copy of what decision_records holds, and goes wherever that goes.
create table case_latest_decisions (
    case_id     uuid         primary key,
    decision_id uuid         not null,
    action      varchar(30)  not null,
    table_name  varchar(100) not null,
    table_row   integer      not null,
    decided_at  timestamp with time zone not null
);

insert into case_latest_decisions (case_id, decision_id, action, table_name, table_row, decided_at)
select case_id, id, action, table_name, table_row, decided_at from (
    select d.case_id, d.id, d.action, d.table_name, d.table_row, d.decided_at,
           row_number() over (partition by d.case_id order by d.decided_at desc, d.id desc) as latest
    from decision_records d where d.case_id is not null) ranked
where latest = 1;
