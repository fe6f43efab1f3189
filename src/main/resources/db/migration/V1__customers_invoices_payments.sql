-- The ledger: who owes what. Portable SQL: the same file runs on H2 and PostgreSQL.
create table customers (
    id            uuid primary key,
    external_ref  varchar(100) not null,
    name          varchar(200) not null,
    email         varchar(320) not null,
    language      varchar(10)  not null,
    segment       varchar(30)  not null,
    risk_band     varchar(10)  not null,
    currency      varchar(3)   not null,
    created_at    timestamp with time zone not null,
    version       bigint       not null,
    constraint uk_customers_external_ref unique (external_ref)
);

create table invoices (
    id            uuid primary key,
    number        varchar(50)  not null,
    customer_id   uuid         not null references customers (id),
    currency      varchar(3)   not null,
    issue_date    date         not null,
    due_date      date         not null,
    total_amount  numeric(19, 4) not null,
    open_amount   numeric(19, 4) not null,
    status        varchar(20)  not null,
    created_at    timestamp with time zone not null,
    issued_at     timestamp with time zone,
    settled_at    timestamp with time zone,
    version       bigint       not null,
    constraint uk_invoices_number unique (number),
    constraint ck_invoices_open_amount check (open_amount >= 0 and open_amount <= total_amount)
);
create index ix_invoices_customer_status on invoices (customer_id, status);
create index ix_invoices_due_date on invoices (due_date);

create table invoice_lines (
    id            uuid primary key,
    invoice_id    uuid         not null references invoices (id),
    line_no       integer      not null,
    service_code  varchar(30),
    description   varchar(500) not null,
    quantity      numeric(19, 4) not null,
    unit_price    numeric(19, 4) not null,
    tax_rate      numeric(7, 4)  not null,
    line_total    numeric(19, 4) not null,
    constraint uk_invoice_lines_no unique (invoice_id, line_no)
);

create table payments (
    id               uuid primary key,
    external_id      varchar(100) not null,
    customer_id      uuid         not null references customers (id),
    amount           numeric(19, 4) not null,
    currency         varchar(3)   not null,
    received_on      date         not null,
    method           varchar(30)  not null,
    reference        varchar(140),
    unapplied_amount numeric(19, 4) not null,
    recorded_at      timestamp with time zone not null,
    version          bigint       not null,
    constraint uk_payments_external_id unique (external_id),
    constraint ck_payments_amount check (amount > 0)
);
create index ix_payments_customer on payments (customer_id);

create table payment_allocations (
    id            uuid primary key,
    payment_id    uuid         not null references payments (id),
    invoice_id    uuid         not null references invoices (id),
    amount        numeric(19, 4) not null,
    constraint ck_payment_allocations_amount check (amount > 0)
);
create index ix_payment_allocations_invoice on payment_allocations (invoice_id);
