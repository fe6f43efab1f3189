-- The outbox and the case-work queue are claimed in (time, id) order, each claim after the one
-- before: with id in the index, the order and the claim's starting point come from the index
-- instead of a sort of every queued row.
create index ix_communications_queue on communications (status, next_attempt_at, id);
drop index ix_communications_due;
create index ix_case_work_queue on case_work (status, created_at, id);
drop index ix_case_work_pending;
