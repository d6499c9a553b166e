-- Search lists segments newest first (timestamp, then id, descending) and pages them. It first reads the page's
-- segment ids off one index, then fetches those rows, so each search index holds every column its searches
-- filter and sort on. The date index is in exactly the newest-first order: the first page is read straight off
-- it, without touching or sorting the rows of the whole date range (Derby cannot scan an ascending index
-- backwards for ORDER BY ... DESC, and would sort a year of segments to show fifty). The party and user indexes
-- carry the id too, so a prefix that matches thousands of segments sorts index entries, not table rows.
DROP INDEX orksegment_timestamp;
CREATE INDEX orksegment_newest ON orksegment (timestamp DESC, id DESC, duration, direction);
DROP INDEX orksegment_localparty;
CREATE INDEX orksegment_localparty ON orksegment (localParty, timestamp, id);
DROP INDEX orksegment_remoteparty;
CREATE INDEX orksegment_remoteparty ON orksegment (remoteParty, timestamp, id);
DROP INDEX orksegment_user;
CREATE INDEX orksegment_user ON orksegment (user_id, timestamp, id);
