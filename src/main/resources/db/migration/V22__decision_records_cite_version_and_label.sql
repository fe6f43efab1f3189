-- A decision cites the stored version it was taken with and the rule by the sheet's own label (R12),
-- besides the sheet row. Older decisions predate stored versions: both stay null for them.
alter table decision_records add column table_version_id uuid references rule_table_versions (id);
alter table decision_records add column rule_label varchar(32);
