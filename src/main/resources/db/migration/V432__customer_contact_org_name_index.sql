-- An organization's contacts by name, the first few of them: the colleagues a request page offers for its
-- CC list. Without it an organization with very many contacts (the one-off clients' triage) sorted them
-- all on every page.
create index contact_org_name_idx on contact (organization_id, full_name);
