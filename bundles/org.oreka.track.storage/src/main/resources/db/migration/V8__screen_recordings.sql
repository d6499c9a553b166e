-- Screen recordings (OrkRfb, mediaType 'S') are tapes of their own, with their own recid; callRecid links each to
-- the recid (orkuid) of the call it was recorded beside, which OrkWeb looks them up by.
ALTER TABLE orktape ADD COLUMN callRecid VARCHAR(64);
CREATE INDEX orktape_callrecid ON orktape (callRecid);
