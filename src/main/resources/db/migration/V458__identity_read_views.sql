-- The identity module's published read model: a colleague's sign-in name and language, without
-- anything about passwords or throttling. A plain projection of the staff accounts, inlined by
-- PostgreSQL. Documented in dev.tidesk.identity's package-info.
create view identity_staff_account_v as
select id, staff_id, login, locale
  from account
 where staff_id is not null;
