import { rates } from './seed-usage-model.js';

/**
 * The drawn history (seed-usage-draw.ts) copied into the real tables, one statement each, in
 * the order their keys need, with the rows the service itself would have written alongside:
 * the timeline's own events, sign-in links, notifications in the outbox (already delivered,
 * given up on or cancelled, so no worker picks them up) and the audit log. Each table's rows go
 * in in time order, as the service writes them, so that a week's rows lie together on disk as
 * they would (an index range over a period then reads the pages it would in production). The
 * one `?`, in `writeMessages`: the words of messages (jsonb).
 */

/** Each case's status from its last event that moves it (timeline/status.ts), and the outcome code while a closure decides it. */
const statusOfCase = `select distinct on (e.case_id) e.case_id,
    case f.effect when 'investigating' then 'under_investigation' when 'assigned' then 'under_investigation' when 'outcome' then o.status else f.effect end as status,
    case when f.effect = 'outcome' then e.outcome_code end as outcome_code
  from usage_events e join usage_effects f on f.event_type = e.event_type left join usage_outcomes o on o.code = e.outcome_code
  where f.effect <> 'none'
  order by e.case_id, e.occurred_at desc`;

export const writeVictims = `insert into victims (id, force_id, external_ref, given_name, family_name, email, mobile, preferred_channel, language, date_of_birth, postcode, created_at, updated_at)
select c.victim_id, p.force_id, p.victim_prefix || lpad(cast(c.n as text), 7, '0'), c.given_name, c.family_name, c.email, c.mobile,
       c.preferred_channel, c.language, c.date_of_birth, c.postcode, c.created_at, c.created_at
from usage_cases c cross join usage_params p
order by c.created_at`;

export const writeCases = `insert into cases (id, force_id, crime_reference, offence_code, offence_label, reported_at, reported_via, status, oic_officer_id, victim_id,
                   created_at, updated_at, risk_flags, not_invited_flags, not_invited_reason, enhanced_rights, outcome_code)
select c.id, p.force_id, p.reference_prefix || lpad(cast(c.n as text), 7, '0'), c.offence_code, c.offence_label, c.reported_at, c.reported_via,
       coalesce(s.status, case when c.oic_officer_id is null then 'report_received' else 'under_investigation' end),
       c.oic_officer_id, c.victim_id, c.created_at, c.created_at,
       case when c.risk_flag is null then cast('{}' as text[]) else array[c.risk_flag] end,
       case when c.risk_flag is null then cast('{}' as text[]) else array[c.risk_flag] end,
       c.not_invited_reason, c.enhanced_rights, s.outcome_code
from usage_cases c cross join usage_params p left join (${statusOfCase}) s on s.case_id = c.id
order by c.created_at`;

/** The records system's events, and those the service records itself: the report, and the officer in charge when the case came with one. */
export const writeEvents = `insert into case_events (id, force_id, case_id, event_type, occurred_at, due_by, told_at, told_by, created_at, key_decision, outcome_code)
select e.id, p.force_id, e.case_id, e.event_type, e.occurred_at, e.due_by, e.told_at, e.told_by, e.created_at, e.key_decision, e.outcome_code
from (
  select id, case_id, event_type, occurred_at, due_by, told_at, told_by, created_at, key_decision, outcome_code from usage_events
  union all
  select gen_random_uuid(), id, 'report_received', reported_at, null, null, null, created_at, false, null from usage_cases
  union all
  select gen_random_uuid(), id, 'officer_assigned', reported_at, null, null, null, created_at + interval '1 millisecond', false, null
  from usage_cases where oic_officer_id is not null
) e cross join usage_params p
order by e.created_at`;

/** Invites for cases, then the sign-in links of later sign-ins (24 hours to use). Token hashes that no token can have. */
export const writeInvites = `insert into invites (id, force_id, victim_id, case_id, purpose, token_hash, channel, created_at, expires_at, redeemed_at, attempts, wrong_answers, locked_at)
select i.id, p.force_id, i.victim_id, i.case_id, 'invite', 'seed:' || i.id, i.channel, i.created_at, i.expires_at, i.redeemed_at,
       case when i.redeemed_at is not null then 1 when i.locked_at is not null then 5 else 0 end,
       case when i.locked_at is not null then 5 else 0 end, i.locked_at
from usage_invites i cross join usage_params p
union all
select s.invite_id, p.force_id, s.victim_id, null, 'sign_in_link', 'seed:' || s.invite_id, s.channel, s.link_at, s.link_at + interval '1 day', s.at, 1, 0, null
from usage_sign_ins s cross join usage_params p where not s.first
order by created_at`;

/** The sign-ins at or after `:from` and before `:to`, in time order (migration 0014's trigger notes each one's history). */
export const writeSessions = `insert into sessions (id, force_id, victim_id, invite_id, token_hash, idle_timeout_seconds, idle_expires_at, expires_at, revoked_at, created_at)
select s.session_id, p.force_id, s.victim_id, s.invite_id, 'seed:' || s.session_id, 900,
       s.at + (15 + s.r_stay * 20) * interval '1 minute', s.at + interval '12 hours',
       case when s.r_out < ${rates.signedOut} then s.at + (2 + s.r_stay * 12) * interval '1 minute' end, s.at
from usage_sign_ins s cross join usage_params p
where s.at >= cast(:from as timestamptz) and s.at < cast(:to as timestamptz)
order by s.at`;

/** Messages in the order they were written, so each thread's seq order is its time order. */
export const writeMessages = `insert into messages (seq, id, force_id, case_id, kind, author_type, author_officer_id, body, created_at)
select nextval('thread_seq'), m.id, m.force_id, m.case_id, m.kind, m.author_type, m.author_officer_id, m.body, m.at
from (
  select u.id, p.force_id, u.case_id, u.kind, u.author_type, u.author_officer_id, u.at,
         case when u.kind = 'update_request' then null
              when u.author_type = 'officer' then w.words->'officer'->>floor(u.r_words * jsonb_array_length(w.words->'officer'))::int
              else w.words->'victim'->>floor(u.r_words * jsonb_array_length(w.words->'victim'))::int end as body
  from usage_messages u cross join usage_params p cross join (select cast(? as jsonb) as words) w
  order by u.at
) m`;

/**
 * What the outbox held: each invite, sign-in link and one-time code; a "there is an update"
 * notification for each update told by it; a "new message" one after each officer's message
 * (some cancelled because the victim read it first). Payloads as they stay once sent, links
 * and codes removed.
 */
export const writeOutbox = `insert into outbox (force_id, kind, payload, attempts, next_attempt_at, last_error, sent_at, failed_at, created_at)
select p.force_id, 'notification', n.payload || jsonb_build_object('channel', n.channel, 'to', n.contact, 'senderName', p.sender_name, 'language', n.language),
       1, n.created_at, n.last_error, case when n.last_error is null then n.created_at + interval '3 seconds' end,
       case when n.last_error is not null then n.created_at + interval '3 seconds' end, n.created_at
from (
  select jsonb_build_object('template', 'invite', 'inviteId', i.id, 'expiresAt', i.expires_at) as payload, i.channel, i.contact, i.language, i.created_at,
         case when i.failed then 'notify_400_ValidationError' end as last_error
  from usage_invites i
  union all
  select jsonb_build_object('template', 'sign_in_link', 'inviteId', s.invite_id, 'expiresAt', s.link_at + interval '1 day'), s.channel, s.contact, s.language, s.link_at, null
  from usage_sign_ins s where not s.first
  union all
  select jsonb_build_object('template', 'one_time_code', 'expiresAt', s.challenge_at + interval '10 minutes'), s.channel, s.contact, s.language, s.challenge_at, null
  from usage_sign_ins s
  union all
  select jsonb_build_object('template', 'case_update', 'caseId', e.case_id, 'eventIds', jsonb_build_array(e.id)), i.channel, i.contact, i.language,
         e.told_at - interval '3 seconds', null
  from usage_events e join usage_invites i on i.case_id = e.case_id where e.told_by = 'notification'
  union all
  select jsonb_build_object('template', 'new_message', 'caseId', m.case_id), m.channel, m.contact, m.language, m.at,
         case when m.r_notify < ${rates.newMessageReadFirst} then 'cancelled_read' end
  from usage_messages m where m.author_type = 'officer'
) n cross join usage_params p
order by n.created_at`;

/**
 * The audit log's changes and sign-ins, as the service writes them: cases created and their
 * events recorded, tellings, invites, sign-in links, codes, sign-ins and sign-outs, messages.
 * Reads (a case, a timeline: several per sign-in) are left out: no figure counts them, and
 * they would double the rows to seed. In time order, so that ids follow time as they do when
 * the service writes them.
 */
export const writeAuditLog = `insert into audit_log (occurred_at, force_id, actor_type, actor_id, action, subject_type, subject_id, reason, request_id)
select a.at, p.force_id, a.actor_type, coalesce(a.actor_id, cast(p.api_key_id as text)), a.action, a.subject_type, a.subject_id, a.reason, 'seed-usage'
from (
  select c.created_at as at, 'force_api_key' as actor_type, cast(null as text) as actor_id, 'case.created' as action, 'case' as subject_type,
         cast(c.id as text) as subject_id, 'records system created the case' as reason
  from usage_cases c
  union all
  select i.created_at, 'force_api_key', null, 'invite.issued', 'invite', cast(i.id as text), 'victim invited to follow their case online' from usage_invites i
  union all
  select e.created_at, 'force_api_key', null, 'case.event_recorded', 'case', cast(e.case_id as text),
         'records system recorded ' || e.event_type || ' (visible) as event ' || e.id
  from usage_events e
  union all
  select e.told_at + interval '20 minutes', 'force_api_key', null, 'case.victim_told_recorded', 'case', cast(e.case_id as text),
         'records system recorded telling of event ' || e.id || ': told by ' || e.told_by
  from usage_events e where e.told_by is not null and e.told_by <> 'notification'
  union all
  select s.link_at, 'victim', cast(s.victim_id as text), 'invite.sign_in_link_requested', 'invite', cast(s.invite_id as text), 'victim asked for a new sign-in link'
  from usage_sign_ins s where not s.first
  union all
  select s.challenge_at, 'victim', cast(s.victim_id as text), 'invite.challenge_started', 'invite', cast(s.invite_id as text), 'one-time code sent by ' || s.channel
  from usage_sign_ins s
  union all
  select s.at, 'victim', cast(s.victim_id as text), 'session.signed_in', 'session', cast(s.session_id as text), 'victim redeemed an invite with its second factor'
  from usage_sign_ins s
  union all
  select s.at + (2 + s.r_stay * 12) * interval '1 minute', 'victim', cast(s.victim_id as text), 'session.signed_out', 'session', cast(s.session_id as text), 'victim signed out'
  from usage_sign_ins s where s.r_out < ${rates.signedOut}
  union all
  select m.at, m.author_type, cast(case when m.author_type = 'officer' then m.author_officer_id else m.victim_id end as text),
         case when m.kind = 'update_request' then 'message.update_requested' else 'message.sent' end, 'case', cast(m.case_id as text),
         m.author_type || ' sent message ' || m.id
  from usage_messages m
) a cross join usage_params p
where a.at <= p.now_at
order by a.at`;
