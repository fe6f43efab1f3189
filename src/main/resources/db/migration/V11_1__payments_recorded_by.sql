-- Who recorded a payment (a user id, or "system" for the engine's own work); the timeline shows it.
alter table payments add column recorded_by varchar(255);
