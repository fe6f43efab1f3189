-- Who reported the hardship: the plan it leads to is decided by someone else.
alter table customers add column hardship_reported_by varchar(100);
