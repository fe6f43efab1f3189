-- The dashboard's "emails sent and failed" reads sent emails by sent_at and the rest by status:
-- without this index a scan of every email ever written, bodies and all (630 MB at 100,000
-- accounts a few months in: docs/dashboard-benchmark.md).
create index ix_communications_channel_status_sent on communications (channel, status, sent_at);
