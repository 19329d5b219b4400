-- E-mails waiting to leave, sent and failed: an outbox, so a mail asked for is never lost when the
-- SMTP server is down, and is sent by one node only (rows are claimed with SKIP LOCKED).
create table notification_mails (
    id              varchar(64)  primary key,
    to_address      varchar(254) not null,
    subject         varchar(300) not null,
    body            text         not null,
    status          varchar(8)   not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int          not null default 0,
    last_error      varchar(500),
    created_at      timestamptz  not null,
    next_attempt_at timestamptz  not null,
    sent_at         timestamptz
);
create index notification_mails_due on notification_mails (next_attempt_at) where status = 'PENDING';
