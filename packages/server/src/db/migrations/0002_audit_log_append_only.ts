import type { Knex } from 'knex';

// The audit log is the law-enforcement processing log (Data Protection Act 2018 s.62): rows
// are added, never changed or removed. A trigger (not a rule, which would silently do nothing)
// makes the database itself refuse, whoever asks. TRUNCATE needs its own statement trigger.
export async function up(db: Knex): Promise<void> {
  await db.raw(`create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end
  $$`);
  await db.raw(`create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_refuse_change()`);
  await db.raw(`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change()`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('drop trigger if exists audit_log_no_truncate on audit_log');
  await db.raw('drop trigger if exists audit_log_no_update_or_delete on audit_log');
  await db.raw('drop function if exists audit_log_refuse_change()');
}
