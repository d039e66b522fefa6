-- An SLA warning is given once per deadline, not once per request: a pause (waiting for the client,
-- deferred) moves the deadline, and the new one deserves its own warning. The columns hold the
-- deadline that was warned about; a warning is due when the running deadline differs from it.
alter table routing_request
  add column warned_first_response_due timestamptz,
  add column warned_resolution_due     timestamptz;
update routing_request set warned_first_response_due = first_response_due_at where warned_first_response;
update routing_request set warned_resolution_due = resolution_due_at where warned_resolution;
alter table routing_request
  drop column warned_first_response,
  drop column warned_resolution;
