-- An instalment whose grace ended while an invoice of its plan was disputed is excused: never counted missed.
alter table plan_instalments add column excused_at timestamp with time zone;
