-- A reversed (bounced, charged-back) payment keeps its row and its allocations for the record;
-- reversed allocations no longer count towards what an invoice has been paid.
alter table payments add column reversed_at timestamp with time zone;
alter table payments add column reversal_reason varchar(500);
alter table payments add column reversed_by varchar(255);
alter table payments add constraint ck_payments_unapplied check (unapplied_amount >= 0 and unapplied_amount <= amount);

-- How an allocation came about: with the payment, from credit applied later, or by hand.
alter table payment_allocations add column source varchar(20) default 'PAYMENT' not null;
alter table payment_allocations add column allocated_at timestamp with time zone;
alter table payment_allocations add column reversed_at timestamp with time zone;
create index ix_payments_customer_credit on payments (customer_id, unapplied_amount);

-- Unapplied credit paid back to the customer.
create table payment_refunds (
    id          uuid primary key,
    payment_id  uuid         not null references payments (id),
    amount      numeric(19, 4) not null,
    reason      varchar(500) not null,
    refunded_by varchar(255) not null,
    refunded_at timestamp with time zone not null,
    constraint ck_payment_refunds_amount check (amount > 0)
);
create index ix_payment_refunds_payment on payment_refunds (payment_id);

-- Whether the payment named its invoices, so a repeat with the same external id is compared on them.
alter table payments add column explicit_allocation boolean default false not null;
