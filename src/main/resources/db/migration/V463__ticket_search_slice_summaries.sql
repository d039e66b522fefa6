-- Which words each finished slice of the search indexes holds (V459: 4,096 consecutive ids a
-- slice), so that search skips the slices where a word is nowhere instead of asking the index slice
-- by slice. After a burst of half a million requests that lack a word, a search for it stepped
-- through some 120 empty slices of each table (15 index pages each) before it reached the word's
-- newest matches. A slice is summarized once every id it may hold is allocated and every
-- transaction that could still write one is over (dev.tidesk.ticket.SearchSummaries); a slice
-- without a summary is searched as before.
create table ticket_search_summary (
  source  varchar(20) not null check (source in ('ticket', 'ticket_message')),
  slice   bigint      not null,
  -- the distinct lexemes of the slice's search vectors, without positions or weights
  lexemes tsvector    not null,
  primary key (source, slice)
);
-- A summary is written once per 4,096 rows, and every search reads the index: no pending list.
create index ticket_search_summary_lexemes_idx on ticket_search_summary using gin (lexemes) with (fastupdate = off);

-- A row whose search vector changes (a request's subject edited, a contact renamed) may bring a word
-- its slice's summary lacks: the summary is forgotten, and written again by the next round. The
-- summarizer holds this lock exclusively while it reads a slice and writes its summary, so a change
-- is either seen by that read or forgets what it wrote; changes share it, and never wait for each
-- other.
create function ticket_search_summary_forget() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock_shared(hashtext('ticket_search_summary:' || tg_table_name), (new.id >> 12)::int);
  delete from ticket_search_summary where source = tg_table_name and slice = new.id >> 12;
  return null;
end
$$;

create trigger ticket_search_summary_forget after update on ticket for each row
  when (old.search_vector is distinct from new.search_vector)
  execute function ticket_search_summary_forget();

create trigger ticket_message_search_summary_forget after update on ticket_message for each row
  when (old.search_vector is distinct from new.search_vector)
  execute function ticket_search_summary_forget();
