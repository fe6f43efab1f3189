-- A write-off request fixes its invoices and amounts when it is made; approval posts those, less
-- what was paid since, never more. open_customer_id holds the customer while the request waits
-- or approved but not yet posted (the same open-key pattern as promises: H2 has no partial
-- indexes), so a customer has at most one write-off under way whatever the number of nodes.
create table write_offs (
    id               uuid primary key,
    customer_id      uuid         not null references customers (id),
    case_id          uuid,
    reason           varchar(30)  not null,
    status           varchar(20)  not null,
    currency         varchar(3)   not null,
    requested_amount numeric(19, 4) not null,
    posted_amount    numeric(19, 4),
    note             varchar(2000),
    requested_by     varchar(100) not null,
    requested_at     timestamp with time zone not null,
    approval         varchar(30),
    candidate_group  varchar(100),
    task_priority    integer,
    approval_due_at  timestamp with time zone,
    notice_template  varchar(100),
    rule_version     varchar(64),
    rule_row         integer,
    decided_by       varchar(100),
    decided_at       timestamp with time zone,
    decision_note    varchar(2000),
    open_customer_id uuid,
    version          bigint       not null,
    constraint uk_write_offs_open_customer unique (open_customer_id),
    constraint ck_write_offs_open_customer
        check (open_customer_id is null or (status in ('REQUESTED', 'APPROVED') and open_customer_id = customer_id)),
    constraint ck_write_offs_amounts check (requested_amount > 0 and (posted_amount is null
        or (posted_amount >= 0 and posted_amount <= requested_amount)))
);
create index ix_write_offs_customer on write_offs (customer_id);
create index ix_write_offs_reason_status on write_offs (reason, status);

create table write_off_lines (
    id               uuid primary key,
    write_off_id     uuid         not null references write_offs (id),
    invoice_id       uuid         not null references invoices (id),
    invoice_number   varchar(50)  not null,
    requested_amount numeric(19, 4) not null,
    posted_amount    numeric(19, 4),
    constraint uk_write_off_lines_invoice unique (write_off_id, invoice_id),
    constraint ck_write_off_lines_amounts check (requested_amount > 0 and (posted_amount is null
        or (posted_amount >= 0 and posted_amount <= requested_amount)))
);
create index ix_write_off_lines_invoice on write_off_lines (invoice_id);
