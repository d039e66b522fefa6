-- Every change of a staff member: name, role, specialty, deactivation and reactivation.
create table staff_change (
  id         bigserial primary key,
  staff_id   bigint       not null references staff (id),
  at         timestamptz  not null,
  actor      varchar(200) not null,
  field      varchar(40)  not null,
  from_value varchar(500),
  to_value   varchar(500)
);
create index staff_change_staff_idx on staff_change (staff_id, at desc);
