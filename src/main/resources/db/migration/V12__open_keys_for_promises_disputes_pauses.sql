-- One open promise per customer, one open dispute per invoice, one running pause per account and
-- per invoice: the services check first, and these keys make the database refuse what a
-- concurrent request slips past the check. Same pattern as collection_cases.open_customer_id:
-- a column set only while the row is open, under a plain unique constraint (H2 has no partial
-- indexes; both databases let any number of nulls share a unique key).

alter table promises add column open_customer_id uuid;
-- where an earlier race left several open promises, the first one recorded takes the key
update promises p set open_customer_id = customer_id
 where p.status = 'OPEN'
   and not exists (select 1 from promises q
                    where q.customer_id = p.customer_id and q.status = 'OPEN'
                      and (q.recorded_at < p.recorded_at or (q.recorded_at = p.recorded_at and q.id < p.id)));
alter table promises add constraint uk_promises_open_customer unique (open_customer_id);
alter table promises add constraint ck_promises_open_customer
    check (open_customer_id is null or (status = 'OPEN' and open_customer_id = customer_id));

alter table disputes add column open_invoice_id uuid;
update disputes d set open_invoice_id = invoice_id
 where d.status = 'OPEN'
   and not exists (select 1 from disputes e
                    where e.invoice_id = d.invoice_id and e.status = 'OPEN'
                      and (e.raised_at < d.raised_at or (e.raised_at = d.raised_at and e.id < d.id)));
alter table disputes add constraint uk_disputes_open_invoice unique (open_invoice_id);
alter table disputes add constraint ck_disputes_open_invoice
    check (open_invoice_id is null or (status = 'OPEN' and open_invoice_id = invoice_id));

-- A pause runs until it is ended (a new pause of the same scope ends the old one first), even
-- past its paused_until; the latest running pause of each scope takes the key.
alter table dunning_pauses add column open_customer_id uuid;
alter table dunning_pauses add column open_invoice_id uuid;
update dunning_pauses p set open_customer_id = customer_id
 where p.ended_at is null and p.invoice_id is null
   and not exists (select 1 from dunning_pauses q
                    where q.customer_id = p.customer_id and q.invoice_id is null and q.ended_at is null
                      and (q.paused_at > p.paused_at or (q.paused_at = p.paused_at and q.id > p.id)));
update dunning_pauses p set open_invoice_id = invoice_id
 where p.ended_at is null and p.invoice_id is not null
   and not exists (select 1 from dunning_pauses q
                    where q.invoice_id = p.invoice_id and q.ended_at is null
                      and (q.paused_at > p.paused_at or (q.paused_at = p.paused_at and q.id > p.id)));
alter table dunning_pauses add constraint uk_dunning_pauses_open_customer unique (open_customer_id);
alter table dunning_pauses add constraint uk_dunning_pauses_open_invoice unique (open_invoice_id);
alter table dunning_pauses add constraint ck_dunning_pauses_open_keys check (
    (open_customer_id is null or (ended_at is null and invoice_id is null and open_customer_id = customer_id))
    and (open_invoice_id is null or (ended_at is null and open_invoice_id = invoice_id)));
