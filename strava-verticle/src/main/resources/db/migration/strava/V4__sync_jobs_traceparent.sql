-- The W3C traceparent of the request that queued the sync: its pages continue that trace.
ALTER TABLE sync_jobs ADD COLUMN traceparent text;
