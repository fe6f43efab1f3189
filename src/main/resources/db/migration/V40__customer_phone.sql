-- Collectors call customers: the number to call, as the customer gave it (E.164 or national format).
alter table customers add column phone varchar(40);

-- The customer list searches by name and email (case-insensitive prefix) and filters by segment.
create index ix_customers_name on customers (lower(name));
create index ix_customers_email on customers (lower(email));
create index ix_customers_segment on customers (segment);
