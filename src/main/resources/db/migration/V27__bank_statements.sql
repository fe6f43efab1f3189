-- Bank statements as uploaded, and each line with what matching made of it. A line id is taken
-- once: the same statement uploaded again finds its lines and changes nothing.
create table bank_statements (
    id            uuid primary key,
    file_name     varchar(255),
    format        varchar(20)  not null,
    uploaded_by   varchar(255) not null,
    uploaded_at   timestamp with time zone not null,
    line_count    integer      not null,
    recorded      integer      not null,
    suggested     integer      not null,
    exceptions    integer      not null,
    already_known integer      not null,
    bad_lines     integer      not null
);

create table bank_statement_lines (
    id             uuid primary key,
    statement_id   uuid         not null references bank_statements (id),
    line_id        varchar(140) not null,
    line_no        integer      not null,
    booked_on      date         not null,
    amount         numeric(19, 4) not null,
    currency       varchar(3)   not null,
    reference      varchar(500),
    payer_name     varchar(140),
    payer_iban     varchar(34),
    outcome        varchar(20)  not null,
    customer_id    uuid,
    invoice_number varchar(50),
    payment_id     uuid,
    suggestions    varchar(2000),
    task_id        varchar(64),
    constraint uk_bank_statement_lines_line_id unique (line_id),
    constraint ck_bank_statement_lines_amount check (amount > 0)
);
create index ix_bank_statement_lines_iban on bank_statement_lines (payer_iban);
