package com.mizani.query.audit;

import java.util.List;
import java.util.UUID;

/** A transfer's, payment's or adjustment's audit record: where it stands and every event of its life, in the global order. */
public record LifecycleAudit(UUID id, String status, List<AuditEntry> entries) {
}
