-- Search reads the newest matches of a word without trusting the planner's guess of how common it
-- is: a GIN index of (slice, search vector), where a slice is 32,768 consecutive ids (id >> 15),
-- gives only the matches within the newest slices (RequestQueries.candidates). It replaces the
-- plain GIN indexes of the search vectors, which it also serves (GIN reads any of its columns).
-- fastupdate off: new rows go straight into the index instead of a pending list that every search
-- would read in full until the next vacuum (after a burst of 25,000 requests, twice the pages).
create extension if not exists btree_gin;

create index ticket_search_slice_idx on ticket using gin ((id >> 15), search_vector) with (fastupdate = off);
drop index ticket_search_idx;

create index ticket_message_search_slice_idx on ticket_message using gin ((id >> 15), search_vector) with (fastupdate = off);
drop index ticket_message_search_idx;
