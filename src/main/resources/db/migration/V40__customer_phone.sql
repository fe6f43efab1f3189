-- Collectors call customers: the number to call, as the customer gave it (E.164 or national format).
alter table customers add column phone varchar(40);

-- The customer list filters by segment.
create index ix_customers_segment on customers (segment);
