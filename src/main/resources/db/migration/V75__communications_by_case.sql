-- A letter cites what its case was sent before (LetterHistory): read per batch by case id, which
-- without an index is a scan of every email ever queued, once per batch.
create index ix_communications_case on communications (case_id);
