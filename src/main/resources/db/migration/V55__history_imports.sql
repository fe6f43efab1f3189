-- History imports (module imports): one row per uploaded file with its progress counts, and the
-- lines it could not take. The counts move with each committed chunk, so any node shows progress.
create table history_imports (
    id                 uuid primary key,
    format             varchar(20)  not null,
    on_bad_lines       varchar(20)  not null,
    status             varchar(20)  not null,
    started_by         varchar(255) not null,
    started_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    finished_at        timestamp with time zone,
    lines_read         integer      not null,
    customers_created  integer      not null,
    invoices_created   integer      not null,
    payments_created   integer      not null,
    unchanged          integer      not null,
    errors             integer      not null
);
create index ix_history_imports_started on history_imports (started_at);

create table history_import_errors (
    import_id  uuid         not null references history_imports (id),
    seq        integer      not null,
    file       varchar(20),
    line       integer      not null,
    record_key varchar(100),
    field      varchar(100),
    message    varchar(500) not null,
    primary key (import_id, seq)
);
