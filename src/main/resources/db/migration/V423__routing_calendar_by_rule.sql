-- The Labour Code's holidays (art. 112) and their automatic moves are now computed for every year
-- (LabourCode); stored days are what overrides the rule: the Government decree's transfers and
-- days admins set. The 2026 and 2027 rows V300 seeded that the rule gives alike are dropped, unless
-- an admin changed them since; the 2026 decree's transfers (9 January from Saturday 3 January,
-- 31 December from Sunday 4 January) stay stored.
delete from routing_calendar_day d
 using (values
  (date '2026-01-01', 'Новогодние каникулы'), (date '2026-01-02', 'Новогодние каникулы'),
  (date '2026-01-05', 'Новогодние каникулы'), (date '2026-01-06', 'Новогодние каникулы'),
  (date '2026-01-07', 'Рождество Христово'), (date '2026-01-08', 'Новогодние каникулы'),
  (date '2026-02-23', 'День защитника Отечества'), (date '2026-03-09', 'Перенос с 8 марта'),
  (date '2026-05-01', 'Праздник Весны и Труда'), (date '2026-05-11', 'Перенос с 9 мая'),
  (date '2026-06-12', 'День России'), (date '2026-11-04', 'День народного единства'),
  (date '2027-01-01', 'Новогодние каникулы'), (date '2027-01-04', 'Новогодние каникулы'),
  (date '2027-01-05', 'Новогодние каникулы'), (date '2027-01-06', 'Новогодние каникулы'),
  (date '2027-01-07', 'Рождество Христово'), (date '2027-01-08', 'Новогодние каникулы'),
  (date '2027-02-23', 'День защитника Отечества'), (date '2027-03-08', 'Международный женский день'),
  (date '2027-05-03', 'Перенос с 1 мая'), (date '2027-05-10', 'Перенос с 9 мая'),
  (date '2027-06-14', 'Перенос с 12 июня'), (date '2027-11-04', 'День народного единства')
 ) as seeded (day, note)
 where d.day = seeded.day and d.note = seeded.note and d.working = false;
