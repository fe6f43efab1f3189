-- When an upload's progress last moved. A RUNNING upload whose row has not moved for longer than
-- the lease is shown as interrupted: its node stopped. Any node can tell, none has to remember
-- which uploads it started.
alter table statement_imports add column updated_at timestamp with time zone;
update statement_imports set updated_at = coalesce(finished_at, started_at);
alter table statement_imports alter column updated_at set not null;
-- a node still on the code before this column inserts without it while the others are upgraded
alter table statement_imports alter column updated_at set default current_timestamp;
