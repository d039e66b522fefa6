-- When the owner of a login chose its password (or an admin typed it); null while an invitation
-- waits for its owner. Logins made before are taken as chosen, except those whose only link is an
-- unused one mailed as they were opened: those are pending invitations.
alter table account add column password_chosen_at timestamptz;
update account a set password_chosen_at = a.created_at
 where not exists (select 1 from password_reset r
                    where r.account_id = a.id and r.used_at is null
                      and r.created_at < a.created_at + interval '1 minute');
