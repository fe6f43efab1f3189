-- Every email is kept as the customer received it: the HTML body (existing column), its
-- plain-text alternative and its attachments (the invoice PDF), so it can be shown and sent
-- again byte for byte.
alter table communications add column text_body varchar(100000);
-- which letter it was (reminder-friendly, final-notice, ...): later letters cite the earlier ones
alter table communications add column template varchar(50);

create table communication_attachments (
    communication_id uuid         not null references communications (id),
    position         integer      not null,
    filename         varchar(200) not null,
    content_type     varchar(100) not null,
    content          bytea        not null,
    constraint pk_communication_attachments primary key (communication_id, position)
);
