-- An upload of a bank statement as it runs: committed apart from the import's own transaction, so
-- any node can show how many lines are done while the statement itself is still all or nothing.
create table statement_imports (
    id              uuid primary key,
    file_name       varchar(255),
    status          varchar(20)  not null,
    lines_total     integer      not null,
    lines_processed integer      not null,
    started_by      varchar(255) not null,
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    statement_id    uuid,
    recorded        integer      not null,
    suggested       integer      not null,
    exceptions      integer      not null,
    already_known   integer      not null,
    bad_lines       integer      not null,
    message         varchar(2000)
);
create index ix_statement_imports_started_at on statement_imports (started_at);

-- The lines an import could not read, with their line number and why, for the finance page.
create table statement_import_bad_lines (
    import_id uuid          not null references statement_imports (id),
    position  integer       not null,
    line_no   integer       not null,
    message   varchar(1000) not null,
    primary key (import_id, position)
);
