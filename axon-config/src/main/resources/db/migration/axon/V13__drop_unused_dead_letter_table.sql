-- No processing group has a dead-letter queue: a failing event stops its processor, which retries with backoff
-- (docs/architecture.md, failures). The table V1 created for one was never written; a queue that is configured
-- later brings its table back in a migration of its own.
DROP TABLE IF EXISTS dead_letter_entry;
