-- The audit log is append-only: no API and no SQL UPDATE or DELETE may change it.
CREATE OR REPLACE FUNCTION kdc_audit_log_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'Nhật ký kiểm toán chỉ được ghi thêm, không được sửa hoặc xóa';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION kdc_audit_log_is_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION kdc_audit_log_is_append_only();
