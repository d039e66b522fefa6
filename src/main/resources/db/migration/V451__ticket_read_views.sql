-- The ticket module's published read models: what other modules' SQL reads of requests, their
-- messages, tags and ratings, and nothing more (no text, no search vectors). Each is a plain
-- projection of one table, which PostgreSQL inlines into the reading query, so the table's indexes
-- (ticket_created_report_idx, ticket_open_status_idx, ticket_message_created_idx...) serve the
-- readers exactly as before. Documented in dev.tidesk.ticket's package-info.
create view ticket_request_v as
select id, tid, subject, status, urgency, channel, organization_id, organization_name, contact_name,
       site_id, assignee_id, created_at, first_response_at, resolved_at
  from ticket;

create view ticket_message_v as
select ticket_id, kind, author_staff_id, created_at
  from ticket_message;

create view ticket_tag_v as
select ticket_id, tag
  from ticket_tag;

create view ticket_rating_v as
select ticket_id, good, rated_at, agent_id, organization_id
  from request_rating;
