// What ForceClient's calls take besides the contract's own bodies, and the paths and headers
// they share.
import type { operations } from '@victim-portal/contract';
import type { RequestOptions } from './http.js';
import { newId } from './ids.js';

/** For a POST that changes something: makes a retry safe. */
export interface IdempotencyOptions {
  /**
   * The `Idempotency-Key` to send (1–255 printable ASCII characters). The same key with the
   * same body returns the first response and changes nothing; give your own to retry safely
   * across restarts of your process. When left out the SDK makes one per call, which covers
   * its own retries of that call (network failures, 502/503/504).
   */
  idempotencyKey?: string;
}

/** Which duties to list: `state` (`open`, the default, or `overdue`), `dueBefore`, `collarNumber`, `limit` (1–500). */
export type DutyQuery = Omit<NonNullable<operations['listDuties']['parameters']['query']>, 'dueBefore'> & {
  /** Only duties due before this time (a `Date` or an ISO date-time). */
  dueBefore?: Date | string;
};

/** The period of a compliance report: whole days, UK time, `YYYY-MM-DD`, at most 366 days. */
export type CompliancePeriod = operations['getVictimsCodeCompliance']['parameters']['query'];

/** The period of a usage report: whole days, UK time, `YYYY-MM-DD`, at most 366 days. */
export type UsagePeriod = operations['getUsageReport']['parameters']['query'];

/** A reply from the records system. */
export interface ForceMessage {
  /** Plain text, 1–2000 characters. */
  body: string;
  /** The message's id (a UUID); generated when left out. Keep it to retry a send safely. */
  id?: string;
  /** Who is replying: the officer in charge when left out, or the officer covering. */
  collarNumber?: string;
}

/** One key per call unless given, so the SDK's own retries of this call are recognised. */
export function idempotent(options: IdempotencyOptions): RequestOptions {
  return { headers: { 'Idempotency-Key': options.idempotencyKey ?? newId() }, retryable: true };
}

/** @returns the path of an officer, by collar number */
export function officerUrl(collarNumber: string): string {
  return `v1/officers/${encodeURIComponent(collarNumber)}`;
}

/** @returns the path of one of the force's cases */
export function caseUrl(caseId: string): string {
  return `v1/cases/${encodeURIComponent(caseId)}`;
}

/** @returns the path of a support service in the force's directory, by key */
export function serviceUrl(key: string): string {
  return `v1/support-services/${encodeURIComponent(key)}`;
}
