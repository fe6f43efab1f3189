-- Champion and challenger: a candidate version decides a reproducible share of a table's accounts
-- beside the active version. running_table holds the table's name while the challenge runs and is
-- null once it ended; being unique, it lets the database keep at most one challenger per table on
-- every node (the same device as rule_table_versions.active_table).
create table rule_table_challengers (
    id            uuid primary key,
    table_name    varchar(64)  not null,
    version_id    uuid         not null references rule_table_versions (id),
    share_percent integer      not null,
    segment       varchar(40),
    started_by    varchar(100) not null,
    started_at    timestamp with time zone not null,
    comment       varchar(1000),
    ended_by      varchar(100),
    ended_at      timestamp with time zone,
    end_reason    varchar(16),
    running_table varchar(64),
    constraint uk_rule_table_challengers_running unique (running_table),
    constraint ck_rule_table_challengers_running check (
        (ended_at is null and running_table = table_name) or (ended_at is not null and running_table is null)),
    constraint ck_rule_table_challengers_share check (share_percent between 1 and 50),
    constraint ck_rule_table_challengers_end check (end_reason is null or end_reason in ('ENDED', 'PROMOTED'))
);
create index ix_rule_table_challengers_table on rule_table_challengers (table_name, started_at);

-- Every decision says which arm took it; everything decided before challengers existed was the champion's.
alter table decision_records add column arm varchar(16) default 'CHAMPION' not null;
alter table decision_records add constraint ck_decision_records_arm check (arm in ('CHAMPION', 'CHALLENGER'));
