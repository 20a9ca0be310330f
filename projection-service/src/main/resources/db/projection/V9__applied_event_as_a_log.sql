-- applied_event is a log that its two readers (the answer as of a day, and the history in news time) scan whole,
-- never by key: its primary key and its news-date index only cost the ingest, where PostgreSQL's work on them was
-- most of the append's cost (docs/benchmarks.md). Each version is appended once: the projection's in-memory
-- version guard admits an event only if it is newer than what is held, and both readers take the highest
-- version per aggregate, so even a repeated row would change no answer.
alter table applied_event drop constraint applied_event_pkey;
drop index applied_event_news_date;
