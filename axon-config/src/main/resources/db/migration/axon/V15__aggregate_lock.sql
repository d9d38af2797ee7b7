-- Several nodes on one event store change the same wallet one after the other instead of racing to append the
-- same sequence number: the repository calls this before it loads an aggregate, and the lock holds until the
-- caller's transaction ends. The sequence number is read after the lock is granted, in a statement of its own, so
-- under READ COMMITTED it includes every event of the transaction that held the lock before; a node's cached copy
-- older than that is dropped (ClusterLockingRepository).
CREATE FUNCTION mizani_lock_aggregate(aggregate_id varchar) RETURNS bigint
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(aggregate_id, 0));
    RETURN (SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = aggregate_id);
END
$$;
