-- "Вопрос решён?": the client's rating of a resolved request (good or bad, an optional comment), one per
-- request (a later rating replaces it), with the agent who had the request and its organization, so
-- that reports count by agent, client and plan without joining history.
create table request_rating (
  ticket_id       bigint       primary key references ticket (id),
  good            boolean      not null,
  comment         text,
  rated_at        timestamptz  not null,
  rated_by        varchar(200) not null,
  agent_id        bigint       references staff (id),
  organization_id bigint
);
create index request_rating_rated_idx on request_rating (rated_at);

-- The single-use link of the resolution mail: only the SHA-256 of its token is kept.
create table satisfaction_link (
  token_hash  varchar(64)  primary key,
  ticket_id   bigint       not null references ticket (id),
  issued_at   timestamptz  not null,
  expires_at  timestamptz  not null,
  used_at     timestamptz
);
create index satisfaction_link_ticket_idx on satisfaction_link (ticket_id);
