-- The customer module's published read models: a client's name and a site's live address by id,
-- for figures grouped by client and site. Documented in dev.tidesk.customer's package-info.
create view customer_organization_v as
select id, name
  from organization;

create view customer_site_v as
select id, live_url
  from site;
