-- Failed logins per user and per client address, shared by every node (see LoginThrottle).
create table login_throttle (
    subject_kind    varchar(10)  not null,
    subject         varchar(255) not null,
    failures        integer      not null,
    last_failure_at timestamp with time zone not null,
    locked_until    timestamp with time zone,
    constraint pk_login_throttle primary key (subject_kind, subject)
);
create index ix_login_throttle_last_failure on login_throttle (last_failure_at);
