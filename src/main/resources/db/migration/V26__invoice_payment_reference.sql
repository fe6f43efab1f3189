-- The ISO 11649 creditor reference printed on the invoice, given at issue; statements match on it.
alter table invoices add column payment_reference varchar(25);
alter table invoices add constraint uk_invoices_payment_reference unique (payment_reference);
