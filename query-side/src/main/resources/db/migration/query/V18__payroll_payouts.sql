-- Payroll items paid by M-Pesa payouts (PayrollProjection): the job's fees and its payouts under way, and each
-- item's payout with the provider's receipt, or its result code and reason when it was not paid.
ALTER TABLE payroll_job_view ADD COLUMN fees_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payroll_job_view ADD COLUMN processing_items INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payroll_item_view ADD COLUMN payment_id UUID;
ALTER TABLE payroll_item_view ADD COLUMN provider_receipt TEXT;
ALTER TABLE payroll_item_view ADD COLUMN provider_result_code TEXT;
ALTER TABLE payroll_item_view ADD COLUMN failure_reason TEXT;
