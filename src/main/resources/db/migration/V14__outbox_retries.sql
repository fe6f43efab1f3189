-- Each queued email carries its own retry schedule: the sender claims the due ones, oldest first.
alter table communications add column next_attempt_at timestamp with time zone;
update communications set next_attempt_at = created_at where status = 'QUEUED';
create index ix_communications_due on communications (status, next_attempt_at);
