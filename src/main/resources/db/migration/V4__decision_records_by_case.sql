-- Opening or refreshing a case asks whether it has been evaluated yet.
create index ix_decision_records_case on decision_records (case_id);
