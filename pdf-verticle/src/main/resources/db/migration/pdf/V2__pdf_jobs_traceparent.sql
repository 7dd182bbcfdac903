-- The W3C traceparent of the request that queued the job: its rendering continues that trace.
ALTER TABLE pdf_jobs ADD COLUMN traceparent text;
