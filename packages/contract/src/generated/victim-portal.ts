// GENERATED from openapi/victim-portal.yaml by packages/contract/scripts/generate.js. Do not edit.
/* eslint-disable */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the process alive */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Can this instance take traffic
         * @description Ready when the database answers and its migrations are the ones this build expects.
         *     A load balancer sends traffic only to ready instances; `/healthz` only says the
         *     process is alive, so a failing `/readyz` does not get the instance restarted. While
         *     shutting down, an instance answers 503 here before it stops listening.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Metrics in the Prometheus text format
         * @description Request rate and latency per operation, outbox depth and oldest item's age,
         *     notification and webhook failures, open live streams and database pool use. No
         *     personal data and no case data. Public unless `VP_METRICS_TOKEN` is set, when it needs
         *     `Authorization: Bearer <that token>`; see docs/operations.md.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/security.txt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How to report a security problem (RFC 9116) */
        get: operations["getSecurityTxt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/force/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The force's portal settings */
        get: operations["getForceSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change some of the force's portal settings */
        patch: operations["updateForceSettings"];
        trace?: never;
    };
    "/v1/force/eligibility-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which cases get an invite */
        get: operations["getEligibilityRules"];
        /**
         * Replace the force's eligibility rules
         * @description Applies to cases created or changed from now on; stored cases are not re-evaluated until they change.
         */
        put: operations["putEligibilityRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officers/{collarNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or update an officer
         * @description Records systems keep the force's officers in step by collar number.
         */
        put: operations["putOfficer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a case and its victim, and invite the victim
         * @description Always stores the case. The response's `invite` says whether an invite was sent and,
         *     if not, why not.
         */
        post: operations["createCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one of the force's cases */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a case's risk flags, officer in charge or victim contact details
         * @description Eligibility is evaluated again: a case that is no longer eligible has its unredeemed
         *     invite revoked; a case that becomes eligible and has no open invite gets one.
         */
        patch: operations["updateCase"];
        trace?: never;
    };
    "/v1/cases/{caseId}/invite/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the open invite again
         * @description Tokens are stored only as hashes, so a resend sends a new link with the same expiry and
         *     the old link stops working.
         */
        post: operations["resendInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseId}/invite/reissue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the case's invite with a new one
         * @description Revokes any open, expired or locked invite and sends a new one with a fresh expiry.
         */
        post: operations["reissueInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseId}/invite/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop the case's open invite from working */
        post: operations["revokeInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officer-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a short-lived token for one officer
         * @description The records system calls this from its own back end when an officer opens the officer
         *     widget, and returns the token to the widget's `getToken()`. The token (`vpo_…`) sees
         *     only the cases that officer is in charge of or is covering for, and lasts `ttlSeconds`
         *     (default 900, at most 3600). The service keeps only the token's hash, so this
         *     operation cannot replay a response and takes no `Idempotency-Key`: a retry mints a
         *     second token, and both expire.
         */
        post: operations["mintOfficerToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officers/{collarNumber}/absence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record that an officer is away, and who covers
         * @description While `now` is between `from` and `until`, the victims of the officer's cases see
         *     when the officer is back and who is covering, and the covering officer's token sees
         *     those cases and their threads. One absence per officer: a new one replaces it.
         */
        put: operations["putOfficerAbsence"];
        post?: never;
        /** The officer is back */
        delete: operations["clearOfficerAbsence"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/force/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or rotate the secret that signs webhooks
         * @description Returns a new Standard Webhooks secret (`whsec_…`), shown only here. For 24 hours
         *     after a rotation, deliveries carry a signature with the new secret and one with the
         *     previous secret (space-separated in `webhook-signature`), so the receiver can switch
         *     without dropping any. Takes no `Idempotency-Key`: the service does not keep the
         *     secret in a form it could replay.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's message thread, from the records system */
        get: operations["listCaseMessages"];
        put?: never;
        /**
         * Reply to the victim from the records system
         * @description Sent as the officer in charge, or as `collarNumber` when that officer is covering.
         *     Idempotent twice over: by the message `id` the caller generates, and by
         *     `Idempotency-Key`.
         */
        post: operations["sendCaseMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseId}/messages/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the officer has read the thread up to a message */
        post: operations["markCaseMessagesRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officer/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The officer's inbox
         * @description The cases the officer is in charge of or is covering, those with unread messages or pending update requests first.
         */
        get: operations["listOfficerCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officer/cases/{caseId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's thread, for the officer */
        get: operations["listOfficerMessages"];
        put?: never;
        /**
         * Reply to the victim
         * @description Idempotent by the message `id` the caller generates.
         */
        post: operations["sendOfficerMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officer/cases/{caseId}/messages/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the officer has read the thread up to a message */
        post: operations["markOfficerMessagesRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officer/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live thread events for the officer's cases (Server-Sent Events)
         * @description A `text/event-stream` of `message.created` and `message.read` events (see
         *     `StreamEvent`) on every case the officer may see at the time of the event. Each event's
         *     `id` is a cursor: send it back as `Last-Event-ID` after a dropped connection and the
         *     stream first replays every event after it. Fetch with `Authorization: Bearer`; the
         *     browser's `EventSource` cannot send it. The stream ends when the token expires.
         */
        get: operations["streamOfficerEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's timeline, with each event's Victims' Code deadline and when the victim was told */
        get: operations["listCaseEvents"];
        put?: never;
        /**
         * Record a key decision or update on the case
         * @description The case's status is derived from its events (docs/timeline.md), so this is how a
         *     status changes. A victim-visible key decision gets a deadline for telling the victim
         *     (5 working days, 1 for a case with `enhancedRights`), and the victim is notified ("You
         *     have a new update: sign in to read it") unless they opted out. `officer_assigned` and
         *     `officer_changed` are recorded by the service when the officer in charge changes and
         *     `report_received` when the case is created, so they cannot be posted.
         */
        post: operations["createCaseEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseId}/events/{eventId}/told": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that an officer told the victim of an event another way (in person, by phone, letter or email)
         * @description Only the first telling counts: if the victim was already told (by the portal or an
         *     officer), the event is returned unchanged.
         */
        post: operations["recordVictimTold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseId}/support-referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The victim's requests to be referred to support services, and whether each was made */
        get: operations["listCaseSupportReferrals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseId}/support-referrals/{referralId}/made": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the force referred the victim to the service (Right 4, due within 2 working days of the request)
         * @description Only the first record counts; a second returns the referral unchanged.
         */
        post: operations["recordReferralMade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/duties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the force must still do for victims under the Victims' Code, soonest due first
         * @description Untold key decisions (`tell_victim`) and referrals not yet made (`support_referral`).
         *     A duty ends when it is done, however late; `overdue` says whether its time has passed.
         */
        get: operations["listDuties"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/victims-code-compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many Victims' Code deadlines falling in a period the force met
         * @description Counts the duties whose deadline falls in `[from, to]` (whole days, UK time) and has
         *     passed: met if done by the deadline. Duties not yet due are counted apart, in
         *     `notYetDue`. See docs/victims-code.md for the definitions.
         */
        get: operations["getVictimsCodeCompliance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a short-lived token for a member of force staff to read reports
         * @description The force's own back end (where its staff sign in) calls this when someone opens the
         *     dashboard, and hands the token (`vpa_…`) to `<vp-force-dashboard>`'s `getToken()`.
         *     The token reads the force's reports and nothing else, and lasts `ttlSeconds`
         *     (default 3600, at most 28800). Only its hash is kept; `name` says whose it is in the
         *     audit log.
         */
        post: operations["mintAdminToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the portal did for the force's victims in a period, as JSON or CSV
         * @description Invites sent and redeemed, eligibility, sign-ins, messages each way, update requests,
         *     officers' reply times, notifications by channel, Victims' Code compliance and an
         *     estimate of the 101 calls the portal took, with breakdowns by week, crime-type group
         *     and channel. Every figure is counted from the stored records when asked, never from a
         *     counter; docs/reporting.md defines each one. `Accept: text/csv` gives the same figures
         *     as CSV (one row per figure: `section,key,measure,value`). `from` and `to` are whole
         *     days, UK time, at most 366 days apart. Reading a report is audited.
         */
        get: operations["getUsageReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/force/event-wording": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the victim reads for each type of event, in each language (the service's wording unless the force changed it) */
        get: operations["getEventWording"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/force/event-wording/{eventType}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the force's wording of one type of event; `null` in a language goes back to the service's */
        put: operations["putEventWording"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support-services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The force's directory of support services */
        get: operations["listSupportServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support-services/{serviceKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add a support service to the directory, or replace it, under the force's own key */
        put: operations["putSupportService"];
        post?: never;
        /** Take a service out of the directory (referrals already asked for are kept) */
        delete: operations["deleteSupportService"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/victims-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 12 rights of the Victims' Code, in English or Welsh (public, for any page of the force's website) */
        get: operations["getVictimsCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invites/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing in with an invite, getting the second-factor question
         * @description Checks the invite without using it up, and says which second factor the force asks
         *     for. For `one_time_code` it sends a fresh 6-digit code, valid 10 minutes, to the
         *     victim's other contact channel (`sentTo` shows where, masked). Calling it again sends a
         *     new code (rate-limited).
         */
        post: operations["startInviteChallenge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invites/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeem an invite, with its second factor, for a victim session
         * @description The invite link carries its single-use token in the URL fragment, so the token never
         *     reaches a server log or a Referer header. Opening the link consumes nothing: only
         *     this POST does, once, and only with the right second-factor answer. Five wrong answers
         *     lock the invite and tell the force, so an officer can reissue it.
         */
        post: operations["redeemInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sign-in-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a new sign-in link to a contact the force holds
         * @description For returning victims. The answer is the same, in status, body and timing, whether or
         *     not the force holds a case for that contact: nothing here tells anyone who is a victim.
         */
        post: operations["requestSignInLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current session's expiry; calling it keeps the session alive */
        get: operations["getMySession"];
        put?: never;
        post?: never;
        /** Sign out, ending the session on the server */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in victim's cases */
        get: operations["listMyCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the signed-in victim's cases */
        get: operations["getMyCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/cases/{caseId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The thread with the officer in charge of one of the victim's cases */
        get: operations["listMyMessages"];
        put?: never;
        /**
         * Message the officer in charge
         * @description Idempotent by the message `id` the caller generates (a retried send returns the stored message).
         */
        post: operations["sendMyMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/cases/{caseId}/update-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the officer for an update, with or without a note
         * @description Shown to the officer as an update request, apart from ordinary messages. Idempotent by `id`.
         */
        post: operations["requestUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/cases/{caseId}/messages/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the victim has read the thread up to a message */
        post: operations["markMyMessagesRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/cases/{caseId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What has happened on the case, what it means and when the victim will next hear
         * @description Opening the timeline counts as telling the victim of every key decision it shows that they had not yet been told of (a `victim.told` webhook each).
         */
        get: operations["getMyTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/cases/{caseId}/crime-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The victim's own account of the crime, as the force recorded it (read-only) */
        get: operations["getMyCrimeReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/cases/{caseId}/rights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Victims' Code rights that apply at the case's stage, with the Right to Review where it applies */
        get: operations["getMyRights"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/cases/{caseId}/support-services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The support services that fit the case (crime type, where the victim lives, their age) */
        get: operations["listMySupportServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/cases/{caseId}/support-referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the force to refer the victim to a support service (Right 4)
         * @description The force must make the referral within 2 working days; the records system hears of it
         *     by the `support.referral_requested` webhook. Asking again for the same service returns
         *     the first request (200).
         */
        post: operations["requestSupportReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How and when the victim wants to hear from the force */
        get: operations["getMyPreferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change some of the victim's preferences; the records system hears of it by the `preferences.updated` webhook */
        patch: operations["updateMyPreferences"];
        trace?: never;
    };
    "/v1/me/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live thread events for the victim's cases (Server-Sent Events)
         * @description As `/v1/officer/stream`, for the cases the signed-in victim can see. Reading the
         *     stream does not keep the session alive; it ends when the session does.
         */
        get: operations["streamMyEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "message.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A message was added to a thread (by the victim, an officer or the system)
         * @description Every message reaches the records system this way, so the portal is never the only
         *     copy. Signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
         *     `webhook-signature`); `webhook-id` stays the same across retries, so deduplicate on
         *     it. Verify with the SDK's `verifyWebhook`, which also refuses timestamps more than
         *     five minutes old. Answer 2xx within 10 seconds; anything else is retried with
         *     backoff.
         */
        post: operations["webhookMessageCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "update.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The victim asked for an update */
        post: operations["webhookUpdateRequested"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The victim or an officer read the thread up to a message */
        post: operations["webhookMessageRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "support.referral_requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The victim asked to be referred to a support service; refer them within 2 working days */
        post: operations["webhookSupportReferralRequested"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "preferences.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The victim changed how or when they want to hear from the force (one webhook per case of theirs) */
        post: operations["webhookPreferencesUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "victim.told": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The portal told the victim of an event (the notification was delivered, or they opened the timeline) */
        post: operations["webhookVictimTold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "duty.due_soon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A Victims' Code deadline is near and the duty is not done (sent `deadlineWarningHours` before it) */
        post: operations["webhookDutyDueSoon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description An RFC 9457 problem. */
        Problem: {
            /**
             * Format: uri
             * @description A stable URN naming the kind of problem (see docs/problems.md).
             * @example urn:victim-portal:problem:invalid-request
             */
            type: string;
            /** @description A short, human-readable summary of the kind of problem. */
            title: string;
            status: number;
            /** @description What went wrong with this request. */
            detail?: string;
            instance?: string;
            /** @description The same value as the X-Request-Id header. */
            requestId?: string;
            /** @description For a wrong second-factor answer, how many tries remain before the invite locks. */
            attemptsLeft?: number;
            /** @description For invalid requests, each place in the request that is wrong. */
            errors?: {
                /** @description A JSON pointer into the body, or `query/…`, `path/…`, `header/…`. */
                pointer: string;
                detail: string;
            }[];
        };
        Readiness: {
            /** @constant */
            status: "ready";
            /** @description The newest migration applied, which is the newest this build has. */
            migrations: string;
        };
        AdminTokenRequest: {
            /** @description Who the token is for, as the force knows them (a staff number or a name); written to the audit log. */
            name: string;
            /** @default 3600 */
            ttlSeconds?: number;
        };
        AdminToken: {
            /** @description Send as `Authorization: Bearer …`. Keep it in memory, never in storage. */
            token: string;
            /** Format: date-time */
            expiresAt: string;
        };
        /**
         * @description How the estimate of 101 calls avoided is worked out (docs/reporting.md): each update
         *     request an officer answered in the portal counts `perUpdateRequestAnswered` calls, and
         *     each sign-in that came within `updateReadWithinDays` days after a new update on the
         *     victim's case (one they had not signed in to since) counts `perSignInReadingNewUpdate`.
         */
        CallsAvoidedAssumptions: {
            /** @default 1 */
            perUpdateRequestAnswered?: number;
            /** @default 1 */
            perSignInReadingNewUpdate?: number;
            /** @default 7 */
            updateReadWithinDays?: number;
        };
        CrimeTypeGroup: {
            key: string;
            /** @description The group's name on the force's dashboard and in the CSV. */
            label: string;
            /** @description Offence code patterns (`028/*` for a class, `028/01` for one code, as in eligibility rules). */
            offenceCodes: components["schemas"]["OffenceCodePattern"][];
        };
        /**
         * @description How the usage report groups crime types, first match wins; cases that match none fall in
         *     `other`. Keys are unique, and `other` is the service's own. A force that never set its own
         *     has the service's groups of Home Office offence classes (docs/reporting.md).
         */
        CrimeTypeGroups: components["schemas"]["CrimeTypeGroup"][];
        MinutesSummary: {
            /** @description Null when there was nothing to measure. */
            median: number | null;
            /** @description The 90th percentile (nearest rank); null when there was nothing to measure. */
            p90: number | null;
        };
        UsageReport: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /**
             * Format: date-time
             * @description When the figures were counted; later events can still change a period's cohorts (an invite sent in it redeemed afterwards).
             */
            asOf: string;
            invites: {
                /** @description Invites sent in the period (a reissue is a new invite; a resend is not). */
                sent: number;
                /** @description Of those, redeemed by `asOf`. */
                redeemed: number;
                /** @description redeemed / sent; null when none was sent. */
                activationRate: number | null;
            };
            eligibility: {
                /** @description Cases that reached the portal in the period. */
                cases: number;
                eligible: number;
                notEligible: number;
                /** @description Not-eligible cases by the reason now stored for them. */
                reasons: {
                    offence_not_eligible: number;
                    risk_flag: number;
                    victim_under_minimum_age: number;
                    no_contact_channel: number;
                };
            };
            signIns: {
                /** @description Distinct victims who signed in during the period. */
                victims: number;
                /** @description Sign-ins (sessions started) in the period. */
                signIns: number;
            };
            messages: {
                /** @description Messages victims wrote (not counting update requests). */
                fromVictims: number;
                fromOfficers: number;
                updateRequests: number;
                /** @description Update requests made in the period that an officer's message followed, by `asOf`. */
                updateRequestsAnswered: number;
            };
            /** @description From the first victim message or update request an officer had not yet answered to the officer's next message on that case, for replies sent in the period. */
            officerReplyTime: {
                replies: number;
                elapsedMinutes: components["schemas"]["MinutesSummary"];
                /** @description Counting only working hours, 08:00 to 18:00 UK time on working days (England and Wales). */
                workingMinutes: components["schemas"]["MinutesSummary"];
            };
            notifications: {
                /** @description Notifications (email and text) queued in the period and delivered to the provider. */
                sent: number;
                /** @description Notifications queued in the period that the service gave up on. */
                failed: number;
            };
            /** @description Telling victims of key decisions, as in `GET /v1/reports/victims-code-compliance`. */
            victimsCode: {
                due: number;
                met: number;
                rate: number | null;
            };
            callsAvoided: {
                /** @description An estimate of 101 calls the portal answered instead, by the force's assumptions. */
                estimate: number;
                updateRequestsAnswered: number;
                signInsReadingNewUpdate: number;
                assumptions: components["schemas"]["CallsAvoidedAssumptions"];
            };
            /** @description Weeks starting on Monday (UK time); the first and last can be part weeks, cut at the period's ends. */
            byWeek: components["schemas"]["UsageWeek"][];
            /** @description The force's crime-type groups in their order, then `other`. */
            byCrimeTypeGroup: components["schemas"]["UsageCrimeTypeGroup"][];
            byChannel: components["schemas"]["UsageChannel"][];
        };
        UsageWeek: {
            /**
             * Format: date
             * @description The Monday the week starts on.
             */
            weekStarting: string;
            invitesSent: number;
            /** @description Of the invites sent that week, redeemed by `asOf`. */
            invitesRedeemed: number;
            signIns: number;
            victimsSignedIn: number;
            messagesFromVictims: number;
            messagesFromOfficers: number;
            updateRequests: number;
            /** @description Telling duties whose deadline fell that week and has passed. */
            victimsCodeDue: number;
            victimsCodeMet: number;
        };
        UsageCrimeTypeGroup: {
            group: string;
            label: string;
            cases: number;
            eligible: number;
            invitesSent: number;
            invitesRedeemed: number;
            /** @description Sign-ins by victims whose newest case is in this group. */
            signIns: number;
            messagesFromVictims: number;
            updateRequests: number;
        };
        UsageChannel: {
            channel: components["schemas"]["Channel"];
            invitesSent: number;
            invitesRedeemed: number;
            notificationsSent: number;
            notificationsFailed: number;
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        /**
         * @description Collar (warrant) number, unique within the force.
         * @example 4521
         */
        CollarNumber: string;
        /**
         * @description The officer's rank; the widgets show it in the victim's language.
         * @enum {string}
         */
        Rank: "police_constable" | "detective_constable" | "sergeant" | "detective_sergeant" | "inspector" | "detective_inspector" | "chief_inspector" | "detective_chief_inspector" | "superintendent" | "detective_superintendent" | "police_staff_investigator";
        OfficerUpsert: {
            /** @description The name the victim sees, for example "DC Sam Patel". */
            displayName: string;
            rank: components["schemas"]["Rank"];
            team?: string;
        };
        Officer: {
            collarNumber: components["schemas"]["CollarNumber"];
            displayName: string;
            rank: components["schemas"]["Rank"];
            team?: string | null;
            /** @description The officer's recorded absence, if any (past, present or future). */
            absence?: components["schemas"]["OfficerAbsence"] | null;
        };
        /** @description The officer in charge (OIC) of a case, as the victim sees them. */
        OfficerInCharge: {
            displayName: string;
            rank: components["schemas"]["Rank"];
            collarNumber: components["schemas"]["CollarNumber"];
            /** @description Present while the officer is away now; says when they are back and who covers. */
            absence?: components["schemas"]["OfficerAbsence"];
        };
        /**
         * @description The force's crime reference, unique within the force.
         * @example KN/24/0012345
         */
        CrimeReference: string;
        Offence: {
            /**
             * @description Home Office offence classification code.
             * @example 028/01
             */
            code: string;
            /**
             * @description Plain-English crime type the victim sees.
             * @example Burglary of a home
             */
            label: string;
        };
        /**
         * @description How the crime was reported.
         * @enum {string}
         */
        ReportedVia: "phone_999" | "phone_101" | "online" | "in_person";
        /**
         * @description Where the investigation stands, in the public outcome categories. Derived from the
         *     case's events and never set directly (docs/timeline.md has the rules); each Home
         *     Office outcome code maps to one.
         * @enum {string}
         */
        CaseStatus: "report_received" | "under_investigation" | "suspect_charged" | "awaiting_court_result" | "no_further_action" | "unable_to_prosecute" | "no_suspect_identified" | "offender_cautioned" | "penalty_notice" | "drugs_warning" | "local_resolution" | "not_in_public_interest" | "action_by_another_organisation" | "dealt_with_in_another_case";
        /**
         * @description The victim's language for the portal and notifications.
         * @enum {string}
         */
        Language: "en" | "cy";
        /** @enum {string} */
        Channel: "email" | "sms";
        VictimCreate: {
            /** @description The records system's id for this person; cases with the same one share a victim account. */
            externalRef?: string;
            givenName: string;
            familyName: string;
            /** Format: email */
            email?: string;
            /**
             * @description Mobile number in E.164 form.
             * @example +447700900123
             */
            mobile?: string;
            preferredChannel?: components["schemas"]["Channel"];
            language?: components["schemas"]["Language"];
            /**
             * Format: date
             * @description Used for the under-18 rule and, where the force chooses, as the second factor.
             */
            dateOfBirth?: string;
            postcode?: components["schemas"]["Postcode"];
        };
        ForceVictim: {
            externalRef?: string | null;
            givenName: string;
            familyName: string;
            email: string | null;
            mobile: string | null;
            preferredChannel: components["schemas"]["Channel"] | null;
            /** Format: date */
            dateOfBirth?: string | null;
            postcode?: string | null;
            language: components["schemas"]["Language"];
        };
        CaseCreate: {
            crimeReference: components["schemas"]["CrimeReference"];
            offence: components["schemas"]["Offence"];
            /** Format: date-time */
            reportedAt: string;
            reportedVia: components["schemas"]["ReportedVia"];
            officerInCharge?: components["schemas"]["OfficerReference"];
            riskFlags?: components["schemas"]["RiskFlags"];
            /**
             * @description The victim is entitled to enhanced rights under the Victims' Code (most serious crime, persistently targeted, vulnerable or intimidated), so key decisions must reach them within 1 working day, not 5.
             * @default false
             */
            enhancedRights?: boolean;
            crimeReport?: components["schemas"]["CrimeReportInput"];
            victim: components["schemas"]["VictimCreate"];
        };
        /** @description Whether the victim was invited, how that invite stands and, if none was sent, why not. */
        InviteOutcome: {
            /** @description Whether an invite has been sent for this case. */
            sent: boolean;
            status: components["schemas"]["InviteStatus"];
            channel?: components["schemas"]["Channel"];
            /** Format: date-time */
            expiresAt?: string;
            notSentReason?: components["schemas"]["NotInvitedReason"];
            /** @description With `notSentReason` `risk_flag`, the flags that ruled the invite out. */
            riskFlags?: components["schemas"]["RiskFlags"];
        };
        /**
         * @description `not_sent`: the case is not eligible (see `notSentReason`); `pending`: sent, not yet
         *     used; `redeemed`: the victim signed in with it; `expired`, `revoked`, `locked` (five
         *     wrong second-factor answers): it no longer works, and the force can reissue it.
         * @enum {string}
         */
        InviteStatus: "not_sent" | "pending" | "redeemed" | "expired" | "revoked" | "locked";
        /**
         * @description Why a case got no invite, machine-readable (see docs/eligibility.md).
         * @enum {string}
         */
        NotInvitedReason: "offence_not_eligible" | "risk_flag" | "victim_under_minimum_age" | "no_contact_channel";
        /**
         * @description A risk criterion the records system holds for the case.
         * @enum {string}
         */
        RiskFlag: "domestic_abuse" | "sexual_offence" | "stalking_or_harassment" | "modern_slavery" | "unsafe_to_contact";
        RiskFlags: components["schemas"]["RiskFlag"][];
        /** @description An officer already stored with `PUT /v1/officers/{collarNumber}`. */
        OfficerReference: {
            collarNumber: components["schemas"]["CollarNumber"];
        };
        /**
         * @description A UK postcode.
         * @example KM1 4AB
         */
        Postcode: string;
        /**
         * @description What the victim gives besides the invite link.
         * @enum {string}
         */
        SecondFactor: "one_time_code" | "date_of_birth" | "postcode";
        CaseUpdate: {
            riskFlags?: components["schemas"]["RiskFlags"];
            /** @description Applies to events recorded from now on; deadlines already set stay as they are. */
            enhancedRights?: boolean;
            /** @description The victim's account as recorded; `null` stops showing it. */
            crimeReport?: components["schemas"]["CrimeReportInput"] | null;
            officerInCharge?: components["schemas"]["OfficerReference"] | null;
            /** @description Contact details to change; `null` removes one. */
            victim?: {
                email?: string | null;
                mobile?: string | null;
                preferredChannel?: components["schemas"]["Channel"];
                language?: components["schemas"]["Language"];
                /** Format: date */
                dateOfBirth?: string;
                postcode?: components["schemas"]["Postcode"];
            };
        };
        /**
         * @description A Home Office offence code, a whole class (`028/*`) or everything (`*`).
         * @example 028/*
         */
        OffenceCodePattern: string;
        /** @description A case gets an invite when its offence matches an include pattern and no exclude pattern, it has none of the excluded risk flags, the victim is old enough (or their age is unknown), and there is a contact channel. */
        EligibilityRules: {
            includeOffences: components["schemas"]["OffenceCodePattern"][];
            excludeOffences: components["schemas"]["OffenceCodePattern"][];
            excludeRiskFlags: components["schemas"]["RiskFlags"];
            minimumVictimAge: number;
        };
        /** @description GOV.UK Notify template ids for each message the force sends, when Notify is the sender. */
        NotifyTemplates: {
            /** Format: uuid */
            inviteEmail?: string;
            /** Format: uuid */
            inviteSms?: string;
            /** Format: uuid */
            codeEmail?: string;
            /** Format: uuid */
            codeSms?: string;
            /** Format: uuid */
            signInLinkEmail?: string;
            /** Format: uuid */
            signInLinkSms?: string;
            /** Format: uuid */
            forceAlertEmail?: string;
            /**
             * Format: uuid
             * @description "You have a new message: sign in to read it". Never carries the message.
             */
            newMessageEmail?: string;
            /** Format: uuid */
            newMessageSms?: string;
            /**
             * Format: uuid
             * @description "There is an update on your case: sign in to read it". Never carries the update.
             */
            caseUpdateEmail?: string;
            /** Format: uuid */
            caseUpdateSms?: string;
        };
        ForceSettings: {
            name: string;
            /** @description The force's short name; the widget sends it when asking for a new sign-in link. */
            slug: string;
            /**
             * Format: uri
             * @description The page of the force's website that hosts the portal; invite links go there.
             */
            portalUrl: string;
            /** @description The discreet name notifications come from. */
            senderName: string;
            inviteTtlDays: number;
            secondFactor: components["schemas"]["SecondFactor"];
            /** @description Web origins (scheme, host, port) allowed to call the victim API from a browser (CORS). */
            allowedOrigins: string[];
            /** @description Where the force is told of locked invites and other things an officer must act on. */
            alertEmail: string | null;
            notifyTemplates: components["schemas"]["NotifyTemplates"];
            /** @description Where thread events (message.created, update.requested, message.read) are posted, signed per Standard Webhooks. */
            webhookUrl?: string | null;
            /** @description How often victims hear how their case is going when they have not agreed otherwise (default 28). */
            defaultUpdateEveryDays: components["schemas"]["UpdateEveryDays"];
            /** @description How long before a Victims' Code deadline the `duty.due_soon` webhook is sent (default 4). */
            deadlineWarningHours: number;
            /**
             * Format: uri
             * @description The force's page on the Victims' Right to Review and how to ask; null shows the national Victims' Code page.
             */
            rightToReviewUrl: string | null;
            callsAvoided: components["schemas"]["CallsAvoidedAssumptions"];
            crimeTypeGroups: components["schemas"]["CrimeTypeGroups"];
            /** @description Whether a signing secret exists (`POST /v1/force/webhook-secret`); webhooks wait in the outbox until one does. */
            webhookSecretSet?: boolean;
        };
        ForceSettingsUpdate: {
            /** Format: uri */
            portalUrl?: string;
            senderName?: string;
            inviteTtlDays?: number;
            secondFactor?: components["schemas"]["SecondFactor"];
            allowedOrigins?: string[];
            alertEmail?: string | null;
            notifyTemplates?: components["schemas"]["NotifyTemplates"];
            webhookUrl?: string | null;
            defaultUpdateEveryDays?: components["schemas"]["UpdateEveryDays"];
            deadlineWarningHours?: number;
            rightToReviewUrl?: string | null;
            callsAvoided?: components["schemas"]["CallsAvoidedAssumptions"];
            crimeTypeGroups?: components["schemas"]["CrimeTypeGroups"];
        };
        ForceCase: {
            /** Format: uuid */
            id: string;
            crimeReference: components["schemas"]["CrimeReference"];
            offence: components["schemas"]["Offence"];
            /** Format: date-time */
            reportedAt: string;
            reportedVia: components["schemas"]["ReportedVia"];
            status: components["schemas"]["CaseStatus"];
            officerInCharge: components["schemas"]["OfficerInCharge"] | null;
            outcomeCode: components["schemas"]["OutcomeCode"] | null;
            riskFlags: components["schemas"]["RiskFlags"];
            enhancedRights: boolean;
            crimeReport: components["schemas"]["CrimeReportInput"] | null;
            /**
             * Format: date
             * @description The day by which the victim should next hear, from the agreed update frequency; null once the case is closed.
             */
            nextUpdateDue: string | null;
            victim: components["schemas"]["ForceVictim"];
            invite: components["schemas"]["InviteOutcome"];
            /** Format: date-time */
            createdAt: string;
        };
        /** @description The token from the invite link's URL fragment. */
        InviteToken: string;
        InviteChallengeRequest: {
            token: components["schemas"]["InviteToken"];
        };
        SignInChallenge: {
            method: components["schemas"]["SecondFactor"];
            /** @description For `one_time_code`, where the code went, masked (for example `•••• ••• 123`). */
            sentTo?: string;
            sentVia?: components["schemas"]["Channel"];
            /** Format: date-time */
            codeExpiresAt?: string;
            attemptsLeft: number;
        };
        InviteRedemption: {
            token: components["schemas"]["InviteToken"];
            /** @description The one-time code, the date of birth (YYYY-MM-DD) or the postcode, as the challenge asked. */
            answer: string;
        };
        SignInLinkRequest: {
            /** @description The force's slug (the widget's `force` attribute). */
            force: string;
            /** @description The email address or mobile number (E.164 or UK 07…) the force holds. */
            contact: string;
        };
        Accepted: {
            /** @constant */
            status: "accepted";
        };
        SessionInfo: {
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            idleExpiresAt: string;
            idleTimeoutSeconds: number;
        };
        VictimSession: {
            /**
             * Format: date-time
             * @description When the session ends unless a request comes first.
             */
            idleExpiresAt: string;
            /** @description Send as `Authorization: Bearer …`. Keep it in memory or sessionStorage only. */
            sessionToken: string;
            /**
             * Format: date-time
             * @description When the session ends however active it is.
             */
            expiresAt: string;
            /** @description The session ends after this long without a request. */
            idleTimeoutSeconds: number;
        };
        /** @description A case as its victim sees it. */
        VictimCase: {
            /** Format: uuid */
            id: string;
            crimeReference: components["schemas"]["CrimeReference"];
            /** @description Plain-English crime type. */
            crimeType: string;
            /** Format: date-time */
            reportedAt: string;
            reportedVia: components["schemas"]["ReportedVia"];
            status: components["schemas"]["CaseStatus"];
            officerInCharge: components["schemas"]["OfficerInCharge"] | null;
            /**
             * Format: date
             * @description The day by which the victim should next hear (the agreed update frequency); null once the case is closed.
             */
            nextUpdateDue: string | null;
        };
        VictimCaseList: {
            items: components["schemas"]["VictimCase"][];
        };
        /** @description A position in the threads' shared, ever-increasing order of events. Treat it as opaque. */
        Cursor: string;
        /**
         * Format: uuid
         * @description Generated by the sender (a UUID), so a retried send is recognised.
         */
        MessageId: string;
        /** @description Plain text. Never interpreted as HTML or Markdown by the widgets; line breaks are kept. */
        MessageBody: string;
        MessageCreate: {
            id: components["schemas"]["MessageId"];
            body: components["schemas"]["MessageBody"];
        };
        ForceMessageCreate: {
            id: components["schemas"]["MessageId"];
            body: components["schemas"]["MessageBody"];
            /** @description Who is replying; the officer in charge when left out. Must be the officer in charge or the officer covering. */
            collarNumber?: components["schemas"]["CollarNumber"];
        };
        UpdateRequestCreate: {
            id: components["schemas"]["MessageId"];
            /** @description Optional words to go with the request, plain text. */
            note?: string;
        };
        ReadReceiptCreate: {
            upTo: components["schemas"]["Cursor"];
        };
        ForceReadReceiptCreate: {
            upTo: components["schemas"]["Cursor"];
            collarNumber?: components["schemas"]["CollarNumber"];
        };
        /** @description How far each side has read the thread, as message cursors. */
        ReadState: {
            victim: components["schemas"]["Cursor"] | null;
            officer: components["schemas"]["Cursor"] | null;
        };
        MessageAuthor: {
            /** @enum {string} */
            type: "victim" | "officer" | "system";
            /** @description For `officer`, who wrote it. */
            officer?: components["schemas"]["OfficerInCharge"];
        };
        /** @description A system notice, as a code the widgets put into words in the reader's language. */
        ThreadNotice: {
            /** @enum {string} */
            code: "officer_changed";
            /** @description For `officer_changed`, the new officer in charge. */
            officer?: components["schemas"]["OfficerInCharge"] | null;
        };
        Message: {
            id: components["schemas"]["MessageId"];
            cursor: components["schemas"]["Cursor"];
            /** Format: uuid */
            caseId: string;
            /**
             * @description `update_request` is the victim asking for an update (body is the optional note); `notice` is written by the service.
             * @enum {string}
             */
            kind: "text" | "update_request" | "notice";
            author: components["schemas"]["MessageAuthor"];
            body: string | null;
            notice?: components["schemas"]["ThreadNotice"];
            /** Format: date-time */
            sentAt: string;
            /**
             * Format: date-time
             * @description When the other side first read it (victim messages by an officer, officer messages by the victim); null for notices.
             */
            readAt: string | null;
        };
        MessagePage: {
            /** @description Oldest first. */
            items: components["schemas"]["Message"][];
            /** @description Pass as `after` for the next page; null when this page reaches the newest message. */
            nextCursor: components["schemas"]["Cursor"] | null;
            read: components["schemas"]["ReadState"];
            /** @description Who the victim's messages go to now (with any absence), or null while the case has none. */
            officerInCharge?: components["schemas"]["OfficerInCharge"] | null;
        };
        OfficerCase: {
            /** Format: uuid */
            caseId: string;
            crimeReference: components["schemas"]["CrimeReference"];
            crimeType: string;
            victimName: string;
            /** @enum {string} */
            role: "officer_in_charge" | "covering";
            /** @description Victim messages and update requests the officers have not read. */
            unreadCount: number;
            /** @description Update requests made since the last officer reply. */
            pendingUpdateRequests: number;
            /** Format: date-time */
            lastMessageAt: string | null;
        };
        OfficerCaseList: {
            officer: components["schemas"]["OfficerInCharge"];
            items: components["schemas"]["OfficerCase"][];
        };
        OfficerTokenRequest: {
            collarNumber: components["schemas"]["CollarNumber"];
            /** @default 900 */
            ttlSeconds?: number;
        };
        OfficerToken: {
            /** @description Send as `Authorization: Bearer …`. Give it only to that officer's browser; keep it in memory. */
            token: string;
            /** Format: date-time */
            expiresAt: string;
            officer: components["schemas"]["OfficerInCharge"];
        };
        OfficerAbsenceUpdate: {
            /** Format: date-time */
            from: string;
            /**
             * Format: date-time
             * @description When the officer is back; after `from`.
             */
            until: string;
            /** @description The officer covering the cases meanwhile, if any. */
            coveredBy?: components["schemas"]["CollarNumber"] | null;
        };
        OfficerAbsence: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            until: string;
            coveredBy: components["schemas"]["CoveringOfficer"] | null;
        };
        CoveringOfficer: {
            displayName: string;
            rank: components["schemas"]["Rank"];
            collarNumber: components["schemas"]["CollarNumber"];
        };
        WebhookSecret: {
            secret: string;
            /** Format: date-time */
            createdAt: string;
        };
        /** @description The `data` of one live event. */
        StreamEvent: {
            /** @enum {string} */
            type: "message.created" | "message.read";
            /** Format: uuid */
            caseId: string;
            /** @description For `message.created`. */
            message?: components["schemas"]["Message"];
            /** @description For `message.read`, where each side has now read up to. */
            read?: components["schemas"]["ReadState"];
        };
        /** @description A webhook body, in the Standard Webhooks shape. */
        WebhookEvent: {
            /** @enum {string} */
            type: "message.created" | "update.requested" | "message.read" | "support.referral_requested" | "preferences.updated" | "victim.told" | "duty.due_soon";
            /** Format: date-time */
            timestamp: string;
            data: {
                /** Format: uuid */
                caseId: string;
                crimeReference: components["schemas"]["CrimeReference"];
                /** @description For `message.created` and `update.requested`. */
                message?: components["schemas"]["Message"];
                /** @description For `message.read`. */
                read?: components["schemas"]["ReadState"];
                /**
                 * @description For `message.read`, who read.
                 * @enum {string}
                 */
                reader?: "victim" | "officer";
                /** @description For `victim.told`, the event as now stored. */
                event?: components["schemas"]["CaseEvent"];
                /** @description For `support.referral_requested`. */
                referral?: components["schemas"]["SupportReferral"];
                /** @description For `preferences.updated`. */
                preferences?: components["schemas"]["Preferences"];
                /** @description For `duty.due_soon`. */
                duty?: components["schemas"]["Duty"];
            };
        };
        /**
         * @description The fixed vocabulary of case events (docs/timeline.md says what each means, whether it
         *     is a key decision and how it changes the status). `report_received`,
         *     `officer_assigned` and `officer_changed` are recorded by the service itself.
         * @enum {string}
         */
        CaseEventType: "report_received" | "officer_assigned" | "officer_changed" | "crime_allocated" | "suspect_identified" | "suspect_arrested" | "suspect_interviewed" | "released_on_bail" | "released_under_investigation" | "charged" | "passed_to_cps" | "no_further_action" | "investigation_reopened" | "case_closed" | "property_returned" | "update_given";
        /**
         * @description The event types a records system posts.
         * @enum {string}
         */
        PostableCaseEventType: "crime_allocated" | "suspect_identified" | "suspect_arrested" | "suspect_interviewed" | "released_on_bail" | "released_under_investigation" | "charged" | "passed_to_cps" | "no_further_action" | "investigation_reopened" | "case_closed" | "property_returned" | "update_given";
        /** @description The Home Office crime outcome type (1 to 22; outcome 1A is sent as 1). */
        OutcomeCode: number;
        /**
         * @description How the victim was told. `notification`: the portal's notification was delivered;
         *     `portal`: the victim opened the timeline; the others are recorded by an officer.
         * @enum {string}
         */
        TellingMethod: "notification" | "portal" | "in_person" | "phone" | "letter" | "email" | "other";
        /** @enum {string} */
        OfficerTellingMethod: "in_person" | "phone" | "letter" | "email" | "other";
        TellingRecord: {
            /**
             * Format: date-time
             * @description When the victim was told; not before the event, not in the future.
             */
            toldAt: string;
            method: components["schemas"]["OfficerTellingMethod"];
        };
        CaseEventCreate: {
            type: components["schemas"]["PostableCaseEventType"];
            /**
             * Format: date-time
             * @description When the decision was made or the thing happened; the Victims' Code clock starts here. Not in the future.
             */
            occurredAt: string;
            /**
             * @description Whether the victim sees it. A hidden event has no deadline, sends the victim nothing and changes no status (docs/timeline.md).
             * @default true
             */
            victimVisible?: boolean;
            /** @description Words of the officer's own, shown to the victim under the standard wording. */
            officerText?: string | null;
            outcomeCode?: components["schemas"]["OutcomeCode"];
            /** @description The officer already told the victim (for example at the arrest). */
            told?: components["schemas"]["TellingRecord"];
        };
        /** @description An event as the force sees it. */
        CaseEvent: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            type: components["schemas"]["CaseEventType"];
            /** Format: date-time */
            occurredAt: string;
            victimVisible: boolean;
            /** @description A key decision the Victims' Code says the victim must be told of. */
            keyDecision: boolean;
            /** @description The standard wording the victim reads, in the victim's language. */
            victimText: string;
            officerText: string | null;
            outcomeCode: components["schemas"]["OutcomeCode"] | null;
            /**
             * Format: date-time
             * @description The deadline for telling the victim; null when there is no duty (not a key decision, or hidden).
             */
            dueBy: string | null;
            /** Format: date-time */
            toldAt: string | null;
            toldBy: components["schemas"]["TellingMethod"] | null;
            duty: components["schemas"]["DutyState"];
            /** Format: date-time */
            recordedAt: string;
        };
        /**
         * @description `none`: nothing to do; `pending`: not done, not yet due; `overdue`: not done, past due; `met` / `late`: done by / after the deadline.
         * @enum {string}
         */
        DutyState: "none" | "pending" | "overdue" | "met" | "late";
        CaseEventList: {
            items: components["schemas"]["CaseEvent"][];
        };
        Duty: {
            /** @enum {string} */
            kind: "tell_victim" | "support_referral";
            /** Format: uuid */
            caseId: string;
            crimeReference: components["schemas"]["CrimeReference"];
            officerInCharge: components["schemas"]["OfficerInCharge"] | null;
            /**
             * Format: uuid
             * @description For `tell_victim`.
             */
            eventId?: string;
            /** @description For `tell_victim`. */
            eventType?: components["schemas"]["CaseEventType"];
            /**
             * Format: uuid
             * @description For `support_referral`.
             */
            referralId?: string;
            /** Format: date-time */
            dueBy: string;
            overdue: boolean;
        };
        DutyList: {
            /**
             * Format: date-time
             * @description The time `overdue` was judged at.
             */
            asOf: string;
            items: components["schemas"]["Duty"][];
        };
        ComplianceFigures: {
            /** @description Duties whose deadline fell in the period and has passed (met + late + overdue). */
            due: number;
            /** @description Done by the deadline. */
            met: number;
            /** @description Done, after the deadline. */
            late: number;
            /** @description Not done yet, deadline passed. */
            overdue: number;
            /** @description met / due; null when nothing was due. */
            rate: number | null;
            /** @description Duties with a deadline in the period that has not come yet (not in `due`). */
            notYetDue: number;
        };
        ComplianceReport: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** Format: date-time */
            asOf: string;
            /** @description Telling victims of key decisions, all cases. */
            tellVictim: components["schemas"]["ComplianceFigures"];
            /** @description The same, for cases with enhanced rights (1 working day). */
            enhanced: components["schemas"]["ComplianceFigures"];
            /** @description The same, for the other cases (5 working days). */
            standard: components["schemas"]["ComplianceFigures"];
            /** @description Referrals to support made within 2 working days of the victim asking. */
            supportReferrals: components["schemas"]["ComplianceFigures"];
        };
        EventWordingText: {
            en: string;
            cy: string;
        };
        EventWording: {
            eventType: components["schemas"]["CaseEventType"];
            /** @description What the victim reads now. */
            wording: components["schemas"]["EventWordingText"];
            /** @description The service's own wording. */
            standard: components["schemas"]["EventWordingText"];
            /** @description The force's own wording, where it has one. */
            custom: {
                en: string | null;
                cy: string | null;
            };
        };
        EventWordingList: {
            items: components["schemas"]["EventWording"][];
        };
        EventWordingUpdate: {
            en?: string | null;
            cy?: string | null;
        };
        /** @description The status (and outcome) in plain words, in the language asked for. */
        StatusExplanation: {
            title: string;
            /** @description What this means. */
            meaning: string;
            /** @description What the victim can do next. */
            nextSteps: string[];
        };
        /**
         * @description The Victims' Right to Review: after a decision to take no further action against a
         *     suspect who was interviewed, the victim may ask for it to be looked at again, within 3
         *     months of being told.
         */
        RightToReview: {
            /** Format: date-time */
            decidedAt: string;
            /**
             * Format: date
             * @description The last day to ask (3 months after the victim was told, or after the decision while they have not been).
             */
            askBy: string;
            /**
             * Format: uri
             * @description Where to read about the scheme and how to ask.
             */
            url: string;
        };
        TimelineEvent: {
            /** Format: uuid */
            id: string;
            type: components["schemas"]["CaseEventType"];
            /** Format: date-time */
            occurredAt: string;
            /** @description The standard (or force's) wording, in the language asked for. */
            text: string;
            /** @description The officer's own words, as written. */
            officerText: string | null;
            outcomeCode: components["schemas"]["OutcomeCode"] | null;
        };
        Timeline: {
            /** Format: uuid */
            caseId: string;
            language: components["schemas"]["Language"];
            status: components["schemas"]["CaseStatus"];
            explanation: components["schemas"]["StatusExplanation"];
            /** @description The Home Office outcome the case was closed with, if it was. */
            outcomeCode: components["schemas"]["OutcomeCode"] | null;
            /**
             * Format: date
             * @description The day by which the victim should next hear, from the agreed update frequency; null once the case is closed.
             */
            nextUpdateDue: string | null;
            /** @description The agreed update frequency in days (the victim's preference, or the force's default). */
            updateEveryDays: number;
            rightToReview: components["schemas"]["RightToReview"] | null;
            /** @description Newest first; only what the victim may see. */
            events: components["schemas"]["TimelineEvent"][];
        };
        /** @description The victim's own account of the crime, as recorded. */
        CrimeReportInput: {
            account: string;
            /**
             * Format: date-time
             * @description When the crime happened, or the start of when it may have.
             */
            incidentFrom?: string;
            /**
             * Format: date-time
             * @description The end of when the crime may have happened.
             */
            incidentUntil?: string;
            /** @description Where, in words the victim would recognise ("outside my home"). */
            location?: string;
        };
        VictimCrimeReport: {
            /** Format: uuid */
            caseId: string;
            crimeReference: components["schemas"]["CrimeReference"];
            crimeType: string;
            /** Format: date-time */
            reportedAt: string;
            reportedVia: components["schemas"]["ReportedVia"];
            /** @description Null when the force has not shared the account. */
            account: string | null;
            /** Format: date-time */
            incidentFrom: string | null;
            /** Format: date-time */
            incidentUntil: string | null;
            location: string | null;
        };
        /**
         * @description Where a case is, for which rights apply: `reporting`, `investigation`, `decision` (an outcome other than going to court) or `court`.
         * @enum {string}
         */
        CaseStage: "reporting" | "investigation" | "decision" | "court";
        Right: {
            number: number;
            title: string;
            summary: string;
            /**
             * Format: uri
             * @description The full text of the right.
             */
            url: string;
            stages: components["schemas"]["CaseStage"][];
        };
        VictimsCode: {
            /** @description Which edition of the Code this content follows (docs/victims-code.md). */
            version: string;
            language: components["schemas"]["Language"];
            title: string;
            /** Format: uri */
            url: string;
            rights: components["schemas"]["Right"][];
        };
        CaseRights: {
            stage: components["schemas"]["CaseStage"];
            /** @description The rights that apply at the case's stage. */
            code: components["schemas"]["VictimsCode"];
            rightToReview: components["schemas"]["RightToReview"] | null;
        };
        /**
         * @description The force's own key for a support service.
         * @example victim-support-kent
         */
        ServiceKey: string;
        /** @description Words in English and, where the force has them, Welsh (English is shown when Welsh is missing). */
        LocalisedText: {
            en: string;
            cy?: string;
        };
        /** @enum {string} */
        Weekday: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
        OpeningHours: {
            days: components["schemas"]["Weekday"][];
            opens: string;
            closes: string;
        };
        SupportContact: {
            phone?: string;
            /** Format: email */
            email?: string;
            /** Format: uri */
            website?: string;
        };
        /** @description Who the service helps; every part left out means everyone. */
        SupportHelps: {
            offenceCodes?: components["schemas"]["OffenceCodePattern"][];
            /** @description Only cases with at least one of these flags (for example a domestic abuse service). */
            riskFlags?: components["schemas"]["RiskFlags"];
            /** @description Postcode areas or districts it covers (`KM`, `KM1`); checked against the victim's postcode. */
            postcodeAreas?: string[];
            minAge?: number;
            maxAge?: number;
        };
        SupportServiceUpsert: {
            name: string;
            description: components["schemas"]["LocalisedText"];
            helps?: components["schemas"]["SupportHelps"];
            contact: components["schemas"]["SupportContact"];
            openingHours?: components["schemas"]["OpeningHours"][];
            /** @description For example "24 hours, every day" or "closed on bank holidays". */
            openingNotes?: components["schemas"]["LocalisedText"];
            /**
             * @description Whether victims can ask the force to refer them (otherwise they contact the service themselves).
             * @default true
             */
            acceptsReferrals?: boolean;
        };
        SupportService: {
            key: components["schemas"]["ServiceKey"];
            name: string;
            description: components["schemas"]["LocalisedText"];
            helps: components["schemas"]["SupportHelps"];
            contact: components["schemas"]["SupportContact"];
            openingHours: components["schemas"]["OpeningHours"][];
            openingNotes: components["schemas"]["LocalisedText"] | null;
            acceptsReferrals: boolean;
            /** Format: date-time */
            updatedAt: string;
        };
        SupportServiceList: {
            items: components["schemas"]["SupportService"][];
        };
        VictimSupportService: {
            key: components["schemas"]["ServiceKey"];
            name: string;
            /** @description In the language asked for (English where the force has no Welsh). */
            description: string;
            contact: components["schemas"]["SupportContact"];
            openingHours: components["schemas"]["OpeningHours"][];
            openingNotes: string | null;
            acceptsReferrals: boolean;
            /** @description The victim's request to be referred here, if they made one. */
            referral: components["schemas"]["SupportReferral"] | null;
        };
        VictimSupportServiceList: {
            items: components["schemas"]["VictimSupportService"][];
        };
        SupportReferralCreate: {
            serviceKey: components["schemas"]["ServiceKey"];
            /**
             * @description The victim agrees that the force gives the service their name, contact details and the crime type.
             * @constant
             */
            consent: true;
        };
        ReferralMade: {
            /**
             * Format: date-time
             * @description When the referral was made; not before the request, not in the future.
             */
            referredAt: string;
        };
        SupportReferral: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            serviceKey: components["schemas"]["ServiceKey"];
            serviceName: string;
            /** Format: date-time */
            requestedAt: string;
            /**
             * Format: date-time
             * @description 2 working days after the request.
             */
            dueBy: string;
            /** Format: date-time */
            referredAt: string | null;
        };
        SupportReferralList: {
            items: components["schemas"]["SupportReferral"][];
        };
        /** @description How often, in days, the victim wants to hear how the case is going (the "victim contract"). */
        UpdateEveryDays: number;
        /** @description A daily time (UK time) when no text or email is sent; notifications wait until it ends. `from` after `until` spans midnight. */
        QuietHours: {
            from: string;
            until: string;
        };
        Preferences: {
            /** @description Where notifications go; null when the force holds no way to reach the victim. */
            contactChannel: components["schemas"]["Channel"] | null;
            /** @description The channels the force holds contact details for (only these can be chosen). */
            availableChannels: components["schemas"]["Channel"][];
            language: components["schemas"]["Language"];
            /** @description The victim's own choice; null to follow the force's default. */
            updateEveryDays: components["schemas"]["UpdateEveryDays"] | null;
            /** @description The force's default. */
            forceUpdateEveryDays: components["schemas"]["UpdateEveryDays"];
            quietHours: components["schemas"]["QuietHours"] | null;
            /** @description False when the victim opted out of being told of new updates and messages by text or email (sign-in links they ask for are still sent). */
            notifications: boolean;
        };
        PreferencesUpdate: {
            contactChannel?: components["schemas"]["Channel"];
            language?: components["schemas"]["Language"];
            updateEveryDays?: components["schemas"]["UpdateEveryDays"] | null;
            quietHours?: components["schemas"]["QuietHours"] | null;
            notifications?: boolean;
        };
    };
    responses: {
        /** @description The message was stored. */
        MessageCreated: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Message"];
            };
        };
        /** @description A message with this `id` and the same content was already stored; this is it, unchanged. */
        MessageReplayed: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Message"];
            };
        };
        /** @description Where this side has now read up to (a receipt never moves back). */
        ReadUpTo: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ReadState"];
            };
        };
        /**
         * @description Server-Sent Events. Each event has `id` (a cursor), `event` (`message.created` or
         *     `message.read`) and `data` (a `StreamEvent` as JSON). A comment line is sent every 25
         *     seconds to keep proxies from closing the connection, and `retry` tells the client how
         *     long to wait before reconnecting.
         */
        EventStream: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "text/event-stream": string;
            };
        };
        /** @description Something went wrong; the body says what. */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request did not match the contract (`urn:victim-portal:problem:invalid-request`). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid credential for this operation (`urn:victim-portal:problem:unauthenticated`). */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Nothing of that id that this caller may see (`urn:victim-portal:problem:not-found`). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request conflicts with what is stored, for example an invite already used. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The thing asked for no longer works, for example an expired invite. */
        Gone: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than the service accepts (`urn:victim-portal:problem:payload-too-large`). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not JSON (`urn:victim-portal:problem:unsupported-media-type`). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The invite is locked after too many wrong answers (`urn:victim-portal:problem:invite-locked`); the force can reissue it. */
        Locked: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many attempts (`urn:victim-portal:problem:rate-limited`); wait for Retry-After seconds. */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is valid but refers to something that does not exist, such as an unknown officer. */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description The case's identifier. */
        CaseId: string;
        /** @description The officer's collar (warrant) number within the force. */
        CollarNumber: components["schemas"]["CollarNumber"];
        /** @description A message's `cursor`; the page starts after it. Leave out for the start of the thread. */
        After: components["schemas"]["Cursor"];
        /** @description At most this many messages (default 100). */
        Limit: number;
        /**
         * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the
         *     same body returns the first response (with `Idempotent-Replayed: true`) and changes
         *     nothing; with a different body it is refused (422
         *     `urn:victim-portal:problem:idempotency-key-reused`); while the first request is still
         *     running it is refused (409 `urn:victim-portal:problem:idempotency-key-in-use`). Keys
         *     are kept for 24 hours, per force.
         */
        IdempotencyKey: string;
        /** @description The `id` of the last event received; the stream replays every event after it first. */
        LastEventId: components["schemas"]["Cursor"];
        /** @description The event's identifier. */
        EventId: string;
        /** @description The referral request's identifier. */
        ReferralId: string;
        /** @description The force's own key for the support service. */
        ServiceKey: components["schemas"]["ServiceKey"];
        /** @description The language of the words; the victim's own language when left out (English on public operations). */
        Lang: components["schemas"]["Language"];
    };
    requestBodies: never;
    headers: {
        /** @description Identifies this request in the service's logs; quote it when asking for help. */
        RequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            "4XX": components["responses"]["Problem"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready (`urn:victim-portal:problem:not-ready`); the body's `detail` says why. */
            503: {
                headers: {
                    /** @description Seconds before asking again is worthwhile. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            "4XX": components["responses"]["Problem"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            "4XX": components["responses"]["Problem"];
        };
    };
    getSecurityTxt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The security contact file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            "4XX": components["responses"]["Problem"];
        };
    };
    getForceSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForceSettings"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    updateForceSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForceSettingsUpdate"];
            };
        };
        responses: {
            /** @description The settings as now stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForceSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Two crime-type groups share a key, or one is keyed `other` (the usage report's group for cases that match none); `urn:victim-portal:problem:duplicate-crime-type-group`, nothing changed. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEligibilityRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The force's rules (the documented defaults until the force sets its own). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EligibilityRules"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    putEligibilityRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EligibilityRules"];
            };
        };
        responses: {
            /** @description The rules as now stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EligibilityRules"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    putOfficer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The officer's collar (warrant) number within the force. */
                collarNumber: components["parameters"]["CollarNumber"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficerUpsert"];
            };
        };
        responses: {
            /** @description The officer as now stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Officer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    createCase: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the
                 *     same body returns the first response (with `Idempotent-Replayed: true`) and changes
                 *     nothing; with a different body it is refused (422
                 *     `urn:victim-portal:problem:idempotency-key-reused`); while the first request is still
                 *     running it is refused (409 `urn:victim-portal:problem:idempotency-key-in-use`). Keys
                 *     are kept for 24 hours, per force.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseCreate"];
            };
        };
        responses: {
            /** @description The case was stored. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description The URL of the new case. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForceCase"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForceCase"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    updateCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseUpdate"];
            };
        };
        responses: {
            /** @description The case as now stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForceCase"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    resendInvite: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the
                 *     same body returns the first response (with `Idempotent-Replayed: true`) and changes
                 *     nothing; with a different body it is refused (422
                 *     `urn:victim-portal:problem:idempotency-key-reused`); while the first request is still
                 *     running it is refused (409 `urn:victim-portal:problem:idempotency-key-in-use`). Keys
                 *     are kept for 24 hours, per force.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invite as it now stands. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteOutcome"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    reissueInvite: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the
                 *     same body returns the first response (with `Idempotent-Replayed: true`) and changes
                 *     nothing; with a different body it is refused (422
                 *     `urn:victim-portal:problem:idempotency-key-reused`); while the first request is still
                 *     running it is refused (409 `urn:victim-portal:problem:idempotency-key-in-use`). Keys
                 *     are kept for 24 hours, per force.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new invite. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteOutcome"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    revokeInvite: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the
                 *     same body returns the first response (with `Idempotent-Replayed: true`) and changes
                 *     nothing; with a different body it is refused (422
                 *     `urn:victim-portal:problem:idempotency-key-reused`); while the first request is still
                 *     running it is refused (409 `urn:victim-portal:problem:idempotency-key-in-use`). Keys
                 *     are kept for 24 hours, per force.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invite as it now stands. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteOutcome"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    mintOfficerToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficerTokenRequest"];
            };
        };
        responses: {
            /** @description The token; it is shown only in this response. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficerToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    putOfficerAbsence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The officer's collar (warrant) number within the force. */
                collarNumber: components["parameters"]["CollarNumber"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficerAbsenceUpdate"];
            };
        };
        responses: {
            /** @description The officer with the absence as now stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Officer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    clearOfficerAbsence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The officer's collar (warrant) number within the force. */
                collarNumber: components["parameters"]["CollarNumber"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The absence is cleared (or there was none). */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecret"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    listCaseMessages: {
        parameters: {
            query?: {
                /** @description A message's `cursor`; the page starts after it. Leave out for the start of the thread. */
                after?: components["parameters"]["After"];
                /** @description At most this many messages (default 100). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the thread, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    sendCaseMessage: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the
                 *     same body returns the first response (with `Idempotent-Replayed: true`) and changes
                 *     nothing; with a different body it is refused (422
                 *     `urn:victim-portal:problem:idempotency-key-reused`); while the first request is still
                 *     running it is refused (409 `urn:victim-portal:problem:idempotency-key-in-use`). Keys
                 *     are kept for 24 hours, per force.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForceMessageCreate"];
            };
        };
        responses: {
            200: components["responses"]["MessageReplayed"];
            201: components["responses"]["MessageCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    markCaseMessagesRead: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the
                 *     same body returns the first response (with `Idempotent-Replayed: true`) and changes
                 *     nothing; with a different body it is refused (422
                 *     `urn:victim-portal:problem:idempotency-key-reused`); while the first request is still
                 *     running it is refused (409 `urn:victim-portal:problem:idempotency-key-in-use`). Keys
                 *     are kept for 24 hours, per force.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForceReadReceiptCreate"];
            };
        };
        responses: {
            200: components["responses"]["ReadUpTo"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listOfficerCases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The officer's cases. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficerCaseList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    listOfficerMessages: {
        parameters: {
            query?: {
                /** @description A message's `cursor`; the page starts after it. Leave out for the start of the thread. */
                after?: components["parameters"]["After"];
                /** @description At most this many messages (default 100). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the thread, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    sendOfficerMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageCreate"];
            };
        };
        responses: {
            200: components["responses"]["MessageReplayed"];
            201: components["responses"]["MessageCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    markOfficerMessagesRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReadReceiptCreate"];
            };
        };
        responses: {
            200: components["responses"]["ReadUpTo"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    streamOfficerEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `id` of the last event received; the stream replays every event after it first. */
                "Last-Event-ID"?: components["parameters"]["LastEventId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EventStream"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
        };
    };
    listCaseEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every event of the case, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseEventList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    createCaseEvent: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the
                 *     same body returns the first response (with `Idempotent-Replayed: true`) and changes
                 *     nothing; with a different body it is refused (422
                 *     `urn:victim-portal:problem:idempotency-key-reused`); while the first request is still
                 *     running it is refused (409 `urn:victim-portal:problem:idempotency-key-in-use`). Keys
                 *     are kept for 24 hours, per force.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseEventCreate"];
            };
        };
        responses: {
            /** @description The event was stored. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    recordVictimTold: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the
                 *     same body returns the first response (with `Idempotent-Replayed: true`) and changes
                 *     nothing; with a different body it is refused (422
                 *     `urn:victim-portal:problem:idempotency-key-reused`); while the first request is still
                 *     running it is refused (409 `urn:victim-portal:problem:idempotency-key-in-use`). Keys
                 *     are kept for 24 hours, per force.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
                /** @description The event's identifier. */
                eventId: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TellingRecord"];
            };
        };
        responses: {
            /** @description The event as now stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listCaseSupportReferrals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case's referral requests, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportReferralList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    recordReferralMade: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the
                 *     same body returns the first response (with `Idempotent-Replayed: true`) and changes
                 *     nothing; with a different body it is refused (422
                 *     `urn:victim-portal:problem:idempotency-key-reused`); while the first request is still
                 *     running it is refused (409 `urn:victim-portal:problem:idempotency-key-in-use`). Keys
                 *     are kept for 24 hours, per force.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
                /** @description The referral request's identifier. */
                referralId: components["parameters"]["ReferralId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReferralMade"];
            };
        };
        responses: {
            /** @description The referral as now stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportReferral"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listDuties: {
        parameters: {
            query?: {
                /** @description `open`: every duty not yet done; `overdue`: only those past their deadline. */
                state?: "open" | "overdue";
                /** @description Only duties due before this time (for "due in the next day", pass now plus a day). */
                dueBefore?: string;
                /** @description Only duties on cases this officer is in charge of. */
                collarNumber?: components["schemas"]["CollarNumber"];
                /** @description At most this many, soonest due first (default 100). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The duties. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DutyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
        };
    };
    getVictimsCodeCompliance: {
        parameters: {
            query: {
                /** @description The first day of the period. */
                from: string;
                /** @description The last day of the period (at most 366 days after `from`). */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplianceReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["Unprocessable"];
        };
    };
    mintAdminToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminTokenRequest"];
            };
        };
        responses: {
            /** @description The token; it is shown only in this response. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getUsageReport: {
        parameters: {
            query: {
                /** @description The first day of the period. */
                from: string;
                /** @description The last day of the period (at most 366 days after `from`). */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageReport"];
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getEventWording: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every event type's wording. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventWordingList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    putEventWording: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventType: components["schemas"]["CaseEventType"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventWordingUpdate"];
            };
        };
        responses: {
            /** @description The event type's wording as now stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventWording"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listSupportServices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every service in the directory, by key. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportServiceList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    putSupportService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The force's own key for the support service. */
                serviceKey: components["parameters"]["ServiceKey"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupportServiceUpsert"];
            };
        };
        responses: {
            /** @description The service as now stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportService"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    deleteSupportService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The force's own key for the support service. */
                serviceKey: components["parameters"]["ServiceKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service is no longer offered. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    getVictimsCode: {
        parameters: {
            query?: {
                /** @description The language of the words; the victim's own language when left out (English on public operations). */
                lang?: components["parameters"]["Lang"];
                /** @description Only the rights that apply at this stage of a case. */
                stage?: components["schemas"]["CaseStage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rights. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VictimsCode"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    startInviteChallenge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteChallengeRequest"];
            };
        };
        responses: {
            /** @description The second factor to ask the victim for. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInChallenge"];
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            423: components["responses"]["Locked"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    redeemInvite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteRedemption"];
            };
        };
        responses: {
            /** @description A new session for the victim. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VictimSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            423: components["responses"]["Locked"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    requestSignInLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInLinkRequest"];
            };
        };
        responses: {
            /** @description If the force holds that contact for a current case, a link is on its way. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMySession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session, its idle expiry just extended. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionInfo"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is revoked. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    listMyCases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The victim's cases, newest report first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VictimCaseList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    getMyCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case as the victim sees it. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VictimCase"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    listMyMessages: {
        parameters: {
            query?: {
                /** @description A message's `cursor`; the page starts after it. Leave out for the start of the thread. */
                after?: components["parameters"]["After"];
                /** @description At most this many messages (default 100). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the thread, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    sendMyMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageCreate"];
            };
        };
        responses: {
            200: components["responses"]["MessageReplayed"];
            201: components["responses"]["MessageCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    requestUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRequestCreate"];
            };
        };
        responses: {
            200: components["responses"]["MessageReplayed"];
            201: components["responses"]["MessageCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    markMyMessagesRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReadReceiptCreate"];
            };
        };
        responses: {
            200: components["responses"]["ReadUpTo"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getMyTimeline: {
        parameters: {
            query?: {
                /** @description The language of the words; the victim's own language when left out (English on public operations). */
                lang?: components["parameters"]["Lang"];
            };
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The timeline, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timeline"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    getMyCrimeReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The crime report. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VictimCrimeReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    getMyRights: {
        parameters: {
            query?: {
                /** @description The language of the words; the victim's own language when left out (English on public operations). */
                lang?: components["parameters"]["Lang"];
            };
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rights for this case. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseRights"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    listMySupportServices: {
        parameters: {
            query?: {
                /** @description The language of the words; the victim's own language when left out (English on public operations). */
                lang?: components["parameters"]["Lang"];
            };
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The services, with any referral the victim already asked for. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VictimSupportServiceList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    requestSupportReferral: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case's identifier. */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupportReferralCreate"];
            };
        };
        responses: {
            /** @description The victim had already asked; this is that request. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportReferral"];
                };
            };
            /** @description The request was stored and the force told. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportReferral"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getMyPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preferences. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    updateMyPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferencesUpdate"];
            };
        };
        responses: {
            /** @description The preferences as now stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    streamMyEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `id` of the last event received; the stream replays every event after it first. */
                "Last-Event-ID"?: components["parameters"]["LastEventId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EventStream"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
        };
    };
    webhookMessageCreated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookUpdateRequested: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookMessageRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookSupportReferralRequested: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookPreferencesUpdated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookVictimTold: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookDutyDueSoon: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
