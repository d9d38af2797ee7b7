-- GET /api/v1/payroll/jobs lists the newest jobs first.
CREATE INDEX payroll_job_view_newest ON payroll_job_view (created_at DESC, job_id);
