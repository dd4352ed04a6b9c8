import { rates } from './seed-usage-model.js';

/**
 * The usage history drawn into temporary tables (dropped at commit), one set-based statement
 * each: cases and their victims, invites, the records system's events with their deadlines and
 * tellings, sign-ins, and threads. seed-usage-write.ts then copies them into the real tables.
 * Every number here is the model's own (seed-usage-model.ts), written into the SQL; the only
 * bindings are the caller's. Each statement is accepted by PostgreSQL 15 and PGlite.
 */

const untold = 'cast((select untold_share from usage_params) as float8)';

/** Cases, their victims and eligibility. `?`: the number of days, the number of cases, the names (jsonb), the number of officers. */
export const drawCases = `create temp table usage_cases on commit drop as
with drawn as (
  select n, floor(random() * ?)::int as day, 6 + random() * 17 as hour,
         random() as r_offence, random() as r_story, random() as r_eligibility, random() as r_channel,
         random() as r_language, random() as r_officer, random() as r_via, random() as r_delay, random() as r_age
  from generate_series(1, ?) as n
), placed as (
  select d.*, dd.day_start + d.hour * interval '1 hour' as reported_at, o.code as offence_code, o.label as offence_label,
         o.sexual, s.story, cast(? as jsonb) as names, uo.id as oic_officer_id
  from drawn d
  join usage_days dd on dd.d = d.day
  join usage_offences o on d.r_offence >= o.lo and d.r_offence < o.hi
  join usage_stories s on d.r_story >= s.lo and d.r_story < s.hi
  left join usage_officers uo on uo.k = d.n % ? and d.r_officer < 0.9
), judged as (
  select p.*,
         case when sexual then 'sexual_offence' when r_eligibility < 0.06 then 'domestic_abuse' when r_eligibility < 0.07 then 'stalking_or_harassment' end as risk_flag,
         (not sexual and r_eligibility >= 0.07 and r_eligibility < 0.09) as under_age,
         (not sexual and r_eligibility >= 0.09 and r_eligibility < 0.12) as no_contact,
         case when r_channel < 0.68 then 'email' else 'sms' end as channel,
         names->'given'->>(n % jsonb_array_length(names->'given')) as given_name,
         names->'family'->>((n / jsonb_array_length(names->'given')) % jsonb_array_length(names->'family')) as family_name
  from placed p
), contacted as (
  select j.*,
         case when not no_contact and (channel = 'email' or r_channel > 0.85)
              then lower(given_name || '.' || family_name || '.' || n || '@example.com') end as email,
         -- Ofcom's drama range, 07700 900500 to 900999 (the demo's own victims use lower numbers).
         case when not no_contact and (channel = 'sms' or r_channel < 0.2)
              then '+447700900' || cast(500 + n % 500 as text) end as mobile
  from judged j
)
select n, gen_random_uuid() as id, gen_random_uuid() as victim_id, day, reported_at,
       reported_at + (5 + r_delay * 115) * interval '1 minute' as created_at,
       offence_code, offence_label, story, risk_flag, given_name, family_name, email, mobile,
       case when risk_flag is not null then 'risk_flag' when under_age then 'victim_under_minimum_age' when no_contact then 'no_contact_channel' end as not_invited_reason,
       risk_flag is not null or under_age as enhanced_rights,
       case when not no_contact then channel end as preferred_channel,
       case when channel = 'email' then email else mobile end as contact,
       case when r_language < 0.06 then 'cy' else 'en' end as language,
       cast(reported_at - (case when under_age then 12 + r_age * 5.5 else 19 + r_age * 62 end) * interval '1 year' as date) as date_of_birth,
       'KM' || (1 + n % 9) || ' ' || (n % 10) || chr(65 + n % 26) || chr(65 + (n / 26) % 26) as postcode,
       case when r_via < 0.45 then 'phone_101' when r_via < 0.7 then 'online' when r_via < 0.9 then 'phone_999' else 'in_person' end as reported_via,
       oic_officer_id
from contacted
where reported_at + (5 + r_delay * 115) * interval '1 minute' <= (select now_at from usage_params)`;

/** The invite of each eligible case, and whether it was delivered, redeemed or locked. */
export const drawInvites = `create temp table usage_invites on commit drop as
with drawn as (
  select c.id as case_id, c.victim_id, c.preferred_channel as channel, c.contact, c.language, gen_random_uuid() as id,
         c.created_at + interval '2 seconds' as created_at,
         c.created_at + interval '2 seconds' + p.invite_ttl_days * interval '1 day' as expires_at,
         random() < case c.preferred_channel when 'sms' then ${rates.inviteFailure.sms} else ${rates.inviteFailure.email} end as failed,
         random() as r_redeem, random() as r_when, random() as r_locked, p.now_at
  from usage_cases c cross join usage_params p
  where c.not_invited_reason is null
), timed as (
  -- Most redeem within hours; a few near the end of the invite's life.
  select d.*, created_at + interval '3 minutes' + power(r_when, 4) * (expires_at - created_at - interval '1 hour') as redeem_at from drawn d
)
select id, case_id, victim_id, channel, contact, language, created_at, expires_at, failed,
       case when not failed and r_redeem < ${rates.redeemed} and redeem_at <= now_at then redeem_at end as redeemed_at,
       case when not failed and r_redeem >= ${rates.redeemed} and r_locked < ${rates.locked} and created_at + interval '1 day' <= now_at
            then created_at + interval '1 day' end as locked_at
from timed`;

/**
 * The records system's events on each case, by the case's story: when each happened (UK
 * working hours), its Victims' Code deadline as the service works it out (the calendar in
 * usage_days carries the working days), and how the victim was told: by the portal's
 * notification when they had joined, otherwise by the officer, mostly in time.
 */
export const drawEvents = `create temp table usage_events on commit drop as
with stepped as (
  select c.id as case_id, c.enhanced_rights, s.step, s.event_type, s.key_decision, s.outcome_code,
         c.day + sum(s.min_days + floor(random() * (s.max_days - s.min_days + 1))::int) over (partition by c.id order by s.step) as day,
         s.min_hour + random() * (s.max_hour - s.min_hour) as hour,
         random() as r_created, random() as r_told, random() as r_method
  from usage_cases c join usage_steps s on s.story = c.story
), placed as (
  select st.*, dd.day_start + st.hour * interval '1 hour' as occurred_at,
         case when st.key_decision then
           case when dd.working then (case when st.enhanced_rights then dd.due1 else dd.due5 end) + st.hour * interval '1 hour'
                else (case when st.enhanced_rights then dd.due1 else dd.due5 end) end end as due_by
  from stepped st join usage_days dd on dd.d = st.day
), recorded as (
  select pl.*, pl.occurred_at + (5 + pl.r_created * 115) * interval '1 minute' as created_at, i.redeemed_at as joined_at
  from placed pl left join usage_invites i on i.case_id = pl.case_id
), told as (
  select r.*,
         case when joined_at < created_at and event_type <> 'update_given' then created_at + (120 + r_told * 180) * interval '1 second'
              when not key_decision or r_told < ${untold} then null
              when r_told < ${untold} + ${rates.toldLate} then due_by + (2 + (r_told - ${untold}) / ${rates.toldLate} * 70) * interval '1 hour'
              else occurred_at + interval '10 minutes' + (r_told - ${untold} - ${rates.toldLate}) / (1 - ${untold} - ${rates.toldLate}) * (due_by - occurred_at - interval '10 minutes')
         end as told_at,
         case when joined_at < created_at and event_type <> 'update_given' then 'notification'
              when not key_decision or r_told < ${untold} then null
              when r_method < 0.6 then 'phone' when r_method < 0.75 then 'in_person' when r_method < 0.85 then 'letter' else 'email'
         end as told_by
  from recorded r
)
select gen_random_uuid() as id, t.* from told t cross join usage_params p
where t.created_at <= p.now_at and (t.told_at is null or t.told_at <= p.now_at)`;

/**
 * Sign-ins of the victims who joined: the first when they redeemed their invite, then one
 * after most updates they were told of, and a few at other times; each later one by a sign-in
 * link. Then each asks for a one-time code a minute before.
 */
export const drawSignIns = `create temp table usage_sign_ins on commit drop as
with joined as (
  select i.case_id, i.victim_id, i.id as invite_id, i.channel, i.contact, i.language, i.redeemed_at, random() as r_casual
  from usage_invites i where i.redeemed_at is not null
), starts as (
  select case_id, victim_id, channel, contact, language, invite_id, redeemed_at as at, true as first, 0.5 as r_link from joined
  union all
  select j.case_id, j.victim_id, j.channel, j.contact, j.language, null, e.told_at + interval '2 minutes' + power(random(), 2) * interval '72 hours', false, random()
  from joined j join usage_events e on e.case_id = j.case_id and e.told_by = 'notification'
  where random() < ${rates.signInAfterUpdate}
  union all
  select j.case_id, j.victim_id, j.channel, j.contact, j.language, null, j.redeemed_at + random() * ${rates.casualSignInDays} * interval '1 day', false, random()
  from joined j cross join lateral generate_series(1, floor(j.r_casual * ${rates.casualSignIns})::int) as g(k)
)
select gen_random_uuid() as session_id, coalesce(s.invite_id, gen_random_uuid()) as invite_id, s.case_id, s.victim_id, s.channel,
       s.contact, s.language, s.first, s.at, s.at - (3 + s.r_link * 8) * interval '1 minute' as link_at,
       s.at - interval '1 minute' as challenge_at, random() as r_thread, random() as r_stay, random() as r_out
from starts s cross join usage_params p
where s.at <= p.now_at`;

/** Threads: some later sign-ins start one; the officer in charge answers most, and so on. */
export const drawMessages = `create temp table usage_messages on commit drop as
with threads as (
  select s.case_id, s.victim_id, s.channel, s.contact, s.language, c.oic_officer_id,
         s.at + (2 + random() * 8) * interval '1 minute' as t0, random() as r_kind, random() as r_answered,
         random() as r_again, random() as r_again2,
         (0.25 + power(random(), 2) * 30) * interval '1 hour' as d1, (0.5 + random() * 24) * interval '1 hour' as d2,
         (0.25 + power(random(), 2) * 30) * interval '1 hour' as d3
  from usage_sign_ins s join usage_cases c on c.id = s.case_id
  where not s.first and c.oic_officer_id is not null and s.r_thread < ${rates.threadStarted}
), written as (
  select t.*, 'victim' as author_type, case when r_kind < ${rates.updateRequest} then 'update_request' else 'text' end as kind, t0 as at from threads t
  union all
  select t.*, 'officer', 'text', t0 + d1 from threads t where r_answered < ${rates.answered}
  union all
  select t.*, 'victim', 'text', t0 + d1 + d2 from threads t where r_answered < ${rates.answered} and r_again < ${rates.victimWritesAgain}
  union all
  select t.*, 'officer', 'text', t0 + d1 + d2 + d3 from threads t
  where r_answered < ${rates.answered} and r_again < ${rates.victimWritesAgain} and r_again2 < ${rates.officerWritesAgain}
)
select gen_random_uuid() as id, w.case_id, w.victim_id, w.channel, w.contact, w.language, w.author_type, w.kind, w.at,
       case when w.author_type = 'officer' then w.oic_officer_id end as author_officer_id, random() as r_words, random() as r_notify
from written w cross join usage_params p
where w.at <= p.now_at`;
