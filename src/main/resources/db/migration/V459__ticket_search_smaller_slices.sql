-- The search index's slices shrink from 32,768 ids (id >> 15, V450) to 4,096 (id >> 12). After a
-- burst of new requests that lack a common word, the newest slices that hold the word's older
-- matches are dense; such a slice is walked newest first from its top, through the burst's rows,
-- and a smaller slice bounds that walk at 4,096 rows instead of 32,768. On the 1 M data set, after
-- 70,000 new requests that lack it, finding a common word's newest 200 matches read 6,399 pages
-- instead of 27,659; rare and absent words read about as many as before (docs/benchmarks.md).
drop index ticket_search_slice_idx;
create index ticket_search_slice_idx on ticket using gin ((id >> 12), search_vector) with (fastupdate = off);

drop index ticket_message_search_slice_idx;
create index ticket_message_search_slice_idx on ticket_message using gin ((id >> 12), search_vector) with (fastupdate = off);
