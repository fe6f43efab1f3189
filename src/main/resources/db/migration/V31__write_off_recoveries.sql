-- Money received on an invoice after it was written off: reported apart from payments, and never
-- reopening the invoice (its open amount stays at zero).
alter table invoices add column recovered_amount numeric(19, 4) default 0 not null;
alter table invoices add constraint ck_invoices_recovered check (recovered_amount >= 0
    and recovered_amount <= written_off_amount);

create table write_off_recoveries (
    id            uuid primary key,
    customer_id   uuid         not null references customers (id),
    invoice_id    uuid         not null references invoices (id),
    write_off_id  uuid         references write_offs (id),
    payment_id    uuid         not null,
    reason        varchar(30),
    currency      varchar(3)   not null,
    amount        numeric(19, 4) not null,
    recorded_at   timestamp with time zone not null,
    constraint uk_write_off_recoveries_payment unique (payment_id, invoice_id),
    constraint ck_write_off_recoveries_amount check (amount > 0)
);
create index ix_write_off_recoveries_customer on write_off_recoveries (customer_id);
