import type { Knex } from 'knex';
import * as initialSchema from './0001_initial_schema.js';
import * as auditLogAppendOnly from './0002_audit_log_append_only.js';
import * as invitationsAndSignIn from './0003_invitations_and_sign_in.js';
import * as outboxDelivery from './0004_outbox_delivery.js';
import * as signIn from './0005_sign_in.js';
import * as caseVisibility from './0006_case_visibility.js';
import * as messaging from './0007_messaging.js';
import * as idempotencyKeyAge from './0008_idempotency_key_age.js';
import * as timelineAndSupport from './0009_timeline_and_support.js';
import * as rightToReviewUrl from './0010_right_to_review_url.js';
import * as reportsAndAdminTokens from './0011_reports_and_admin_tokens.js';
import * as reportIndexes from './0012_report_indexes.js';
import * as caseLastContact from './0013_case_last_contact.js';
import * as usageTallies from './0014_usage_tallies.js';
import * as signInReportIndex from './0015_sign_in_report_index.js';

interface Migration {
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
  /** `{ transaction: false }` for a migration that must run outside one (CREATE INDEX CONCURRENTLY). */
  config?: { transaction?: boolean };
}

// Listed here rather than found by scanning a folder, so the same list runs from TypeScript
// source (tests) and from dist (production) with no copying or file-extension guessing.
// Append new migrations; never rename or reorder old ones (their names are in knex_migrations).
const migrations: ReadonlyArray<readonly [string, Migration]> = [
  ['0001_initial_schema', initialSchema],
  ['0002_audit_log_append_only', auditLogAppendOnly],
  ['0003_invitations_and_sign_in', invitationsAndSignIn],
  ['0004_outbox_delivery', outboxDelivery],
  ['0005_sign_in', signIn],
  ['0006_case_visibility', caseVisibility],
  ['0007_messaging', messaging],
  ['0008_idempotency_key_age', idempotencyKeyAge],
  ['0009_timeline_and_support', timelineAndSupport],
  ['0010_right_to_review_url', rightToReviewUrl],
  ['0011_reports_and_admin_tokens', reportsAndAdminTokens],
  ['0012_report_indexes', reportIndexes],
  ['0013_case_last_contact', caseLastContact],
  ['0014_usage_tallies', usageTallies],
  ['0015_sign_in_report_index', signInReportIndex],
];

export const migrationSource: Knex.MigrationSource<readonly [string, Migration]> = {
  getMigrations: async () => [...migrations],
  getMigrationName: ([name]) => name,
  getMigration: async ([, migration]) => migration,
};
