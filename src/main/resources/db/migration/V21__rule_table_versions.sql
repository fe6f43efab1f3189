-- Rule tables are data: every uploaded or seeded workbook is an immutable version, kept byte-exact.
-- active_table holds the table's name while the version is ACTIVE and is null otherwise; being
-- unique, it lets the database itself keep exactly one ACTIVE version per table, on every node
-- (a partial unique index would do the same on PostgreSQL, but H2 has none).
create table rule_table_versions (
    id           uuid primary key,
    table_name   varchar(64)   not null,
    content      bytea         not null,
    sha256       varchar(64)   not null,
    uploaded_by  varchar(100)  not null,
    uploaded_at  timestamp with time zone not null,
    comment      varchar(1000),
    status       varchar(16)   not null,
    errors       varchar(100000),
    active_table varchar(64),
    activated_by varchar(100),
    activated_at timestamp with time zone,
    constraint uk_rule_table_versions_active unique (active_table),
    constraint ck_rule_table_versions_active check (
        (status = 'ACTIVE' and active_table = table_name) or (status <> 'ACTIVE' and active_table is null)),
    constraint ck_rule_table_versions_status check (status in ('CANDIDATE', 'ACTIVE', 'RETIRED', 'REJECTED'))
);
create index ix_rule_table_versions_table on rule_table_versions (table_name, uploaded_at);

-- Who did what to a table's policy, and when: uploads, rejections, simulations, activations, rollbacks.
create table rule_table_events (
    id          uuid primary key,
    table_name  varchar(64)   not null,
    version_id  uuid          references rule_table_versions (id),
    kind        varchar(20)   not null,
    actor       varchar(100)  not null,
    occurred_at timestamp with time zone not null,
    comment     varchar(1000),
    detail      varchar(4000)
);
create index ix_rule_table_events_table on rule_table_events (table_name, occurred_at);
