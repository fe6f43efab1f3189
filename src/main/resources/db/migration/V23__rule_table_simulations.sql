-- A simulation's progress and result live in the database, so whichever node serves the page
-- can show them, and its changed accounts page with a plain query.
create table rule_table_simulations (
    id            uuid primary key,
    table_name    varchar(64)  not null,
    version_id    uuid         not null references rule_table_versions (id),
    active_id     uuid         not null references rule_table_versions (id),
    started_by    varchar(100) not null,
    started_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    status        varchar(16)  not null,
    accounts_done integer      not null,
    accounts      integer      not null,
    result        varchar(100000),
    failure       varchar(1000)
);

create table rule_table_simulation_changes (
    simulation_id uuid         not null references rule_table_simulations (id),
    seq           integer      not null,
    customer_id   uuid         not null,
    customer_name varchar(200) not null,
    old_action    varchar(30),
    old_rule      varchar(60),
    new_action    varchar(30),
    new_rule      varchar(60),
    primary key (simulation_id, seq)
);
