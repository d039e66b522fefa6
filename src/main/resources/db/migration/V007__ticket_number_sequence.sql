-- TID numbers come from a sequence instead of a locked counter row. The row serialised every
-- request creation until its transaction committed (inbound mail stalled at about 75 messages a
-- second, whatever the number of threads); a sequence hands out unique, increasing numbers without
-- waiting. The price: a request whose transaction rolls back leaves its number unused.
create sequence ticket_number_seq start with 10001 minvalue 1;
select setval('ticket_number_seq',
              greatest((select last_number from tid_counter where id = 1),
                       (select coalesce(max(number), 0) from ticket), 10000));
drop table tid_counter;
