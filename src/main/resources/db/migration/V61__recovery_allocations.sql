-- Money a payment gave a written-off invoice is a recovery, not a payment of what is open: a
-- reversal undoes the recovery instead of reopening the invoice. Recoveries before this were
-- kept as PAYMENT allocations; writeoffs recorded each, by payment and invoice.
update payment_allocations set source = 'RECOVERY'
where exists (select 1 from write_off_recoveries r
              where r.payment_id = payment_allocations.payment_id and r.invoice_id = payment_allocations.invoice_id);
