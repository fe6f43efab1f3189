-- The emails a run's batches queued, so the run reports how many of them went out whoever sent
-- them (the outbox sweeper on any node usually gets there before the run's own send step).
create table collection_run_emails (
    run_id           uuid not null references collection_runs (id),
    communication_id uuid not null references communications (id),
    constraint pk_collection_run_emails primary key (run_id, communication_id)
);
