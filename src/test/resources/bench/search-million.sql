-- The search benchmark's data (docs/benchmarks.md, "Search on a million requests"): the search columns of
-- ticket and ticket_message as V004 makes them, 1,000,000 requests and 5,000,000 messages with a
-- Zipf-like word distribution, then a burst of 25,000 requests without the searched words.
-- Run with psql on an empty database of PostgreSQL 17 (about 35 minutes on two busy cores).
create table ticket (
  id              bigserial primary key,
  number          bigint       not null,
  tid             varchar(40)  not null,
  subject         varchar(300) not null,
  organization_id bigint,
  organization_name varchar(200),
  contact_name    varchar(200),
  contact_email   varchar(200),
  status          varchar(20)  not null,
  created_at      timestamptz  not null,
  search_vector   tsvector generated always as (
      setweight(to_tsvector('russian', coalesce(subject, '')), 'A')
   || setweight(to_tsvector('english', coalesce(subject, '')), 'A')
   || setweight(to_tsvector('simple', coalesce(contact_name, '') || ' ' || coalesce(contact_email, '') || ' ' || coalesce(organization_name, '')), 'B')
  ) stored
);
create table ticket_message (
  id           bigserial primary key,
  ticket_id    bigint      not null,
  body         text        not null,
  created_at   timestamptz not null,
  search_vector tsvector generated always as (
      to_tsvector('russian', coalesce(body, '')) || to_tsvector('english', coalesce(body, ''))
  ) stored
);
-- vocabulary: 60 real helpdesk words first (most common), then synthetic Cyrillic words; rank r drawn log-uniformly (Zipf-like)
create table vocab (rank int primary key, word text not null);
insert into vocab
select row_number() over (), w from unnest(string_to_array(
 'сайт ошибка страница форма заказ оплата корзина письмо сервер хостинг домен доступ пароль каталог товар цена '
 'баннер меню шапка подвал логотип фото картинка видео ссылка кнопка поиск фильтр доставка клиент менеджер '
 'отчёт счёт договор акт скидка акция новость статья раздел шрифт цвет блок слайдер карта адрес телефон '
 'почта рассылка сертификат бэкап обновление плагин модуль скорость загрузка мобильная версия админка', ' ')) w;
insert into vocab
select 60 + n, 'ж' || chr(1072 + n % 32) || chr(1072 + (n / 32) % 32) || chr(1072 + (n / 1024) % 32) || 'ор'
  from generate_series(1, 49940) n;

create or replace function vw(r int) returns text language sql immutable parallel safe as $$
  select case when r <= 60 then (array['сайт','ошибка','страница','форма','заказ','оплата','корзина','письмо','сервер','хостинг','домен','доступ','пароль','каталог','товар','цена','баннер','меню','шапка','подвал','логотип','фото','картинка','видео','ссылка','кнопка','поиск','фильтр','доставка','клиент','менеджер','отчёт','счёт','договор','акт','скидка','акция','новость','статья','раздел','шрифт','цвет','блок','слайдер','карта','адрес','телефон','почта','рассылка','сертификат','бэкап','обновление','плагин','модуль','скорость','загрузка','мобильная','версия','админка'])[r]
         else 'ж' || chr(1072 + (r - 60) % 32) || chr(1072 + ((r - 60) / 32) % 32) || chr(1072 + ((r - 60) / 1024) % 32) || 'ор' end
$$;

\timing on
-- 400,000 fragments of six words drawn log-uniformly (Zipf-like) from 50,000 words; bodies are four fragments
create table frag as
select f as id, (select string_agg(vw(least(50000, floor(exp(random() * ln(50001)))::int + 0 * i)), ' ') from generate_series(1, 6 + 0 * f) i) as words
from generate_series(0, 399999) f;
alter table frag add primary key (id);
insert into ticket (number, tid, subject, organization_id, organization_name, contact_name, contact_email, status, created_at)
select 10000 + g, 'TID-' || (10000 + g), f.words,
       1 + g % 1000, 'Клиент ' || (g % 1000), 'Контакт ' || (g % 5000), 'c' || (g % 5000) || '@client' || (g % 1000) || '.example',
       case when g % 10 < 8 then 'CLOSED' else 'OPEN' end,
       now() - make_interval(secs => (1000000 - g) * 90)
from generate_series(1, 1000000) g join frag f on f.id = abs(hashint8(g)) % 400000
order by g;
insert into ticket_message (ticket_id, body, created_at)
select 1 + (g - 1) / 5,
       f1.words || ' ' || f2.words || ' ' || f3.words || ' ' || f4.words
       || case when g % 111 = 0 then ' хочу онлайн-запись на приём' else '' end
       || case when g % 53 = 0 then ' не открывается личный кабинет' when g % 37 = 0 then ' кабинет главврача и личный номер' else '' end,
       now() - make_interval(secs => (5000000 - g) * 18)
from generate_series(1, 5000000) g
join frag f1 on f1.id = abs(hashint8(g * 4)) % 400000
join frag f2 on f2.id = abs(hashint8(g * 4 + 1)) % 400000
join frag f3 on f3.id = abs(hashint8(g * 4 + 2)) % 400000
join frag f4 on f4.id = abs(hashint8(g * 4 + 3)) % 400000
order by g;
create index ticket_search_idx on ticket using gin (search_vector);
create index ticket_message_search_idx on ticket_message using gin (search_vector);
create index ticket_org_created_idx on ticket (organization_id, created_at desc);
vacuum analyze ticket;
vacuum analyze ticket_message;

-- the slice indexes as V450 makes them (then drop the plain ones)
create extension if not exists btree_gin;
create index ticket_message_search_slice_idx on ticket_message using gin ((id >> 15), search_vector) with (fastupdate = off);
create index ticket_search_slice_idx on ticket using gin ((id >> 15), search_vector) with (fastupdate = off);

-- the burst
\timing on
insert into ticket (number, tid, subject, organization_id, organization_name, contact_name, contact_email, status, created_at)
select 2000000 + g, 'TID-' || (2000000 + g), 'Нагрузочный тест ' || g, 1 + g % 1000, 'Клиент ' || (g % 1000), 'Контакт', 'c@x.example', 'OPEN', now()
from generate_series(1, 25000) g;
insert into ticket_message (ticket_id, body, created_at)
select t.id, 'Проверка создания обращения через API', now() from ticket t where t.number > 2000000;
