// The support directory and referrals (ForceClient and VictimClient), the victim's preferences
// and the public Victims' Code, against the real service.
import { describe, expect, it } from 'vitest';
import { createTestVictimSession } from '@victim-portal/server/testing';
import { ProblemError, VictimClient, getVictimsCode, problemTypes, type CaseStage, type SupportServiceUpsert } from '../src/index.js';
import { newCase, newThread, useServer } from './support/world.js';

const server = useServer();

const victimSupport: SupportServiceUpsert = {
  name: 'Victim Support Testshire',
  description: { en: 'Free, confidential help for anyone affected by crime.', cy: 'Cymorth cyfrinachol am ddim i unrhyw un y mae trosedd wedi effeithio arno.' },
  contact: { phone: '0808 168 9111', website: 'https://www.victimsupport.org.uk/' },
  openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '20:00' }],
  openingNotes: { en: 'Support line open 24 hours, every day.' },
};
const domesticAbuseOnly: SupportServiceUpsert = {
  name: 'Testshire Domestic Abuse Service',
  description: { en: 'For anyone harmed by a partner or family member.' },
  helps: { riskFlags: ['domestic_abuse'] },
  contact: { phone: '0808 200 0247' },
};
const selfReferralOnly: SupportServiceUpsert = {
  name: 'Testshire Burglary Helpline',
  description: { en: 'Advice on making your home secure after a burglary.' },
  helps: { offenceCodes: ['028/*'] },
  contact: { email: 'help@burglary.example' },
  acceptsReferrals: false,
};

describe('ForceClient: the support directory', () => {
  it('adds, lists, replaces and withdraws services by key', async () => {
    const { forceClient } = await newThread(server());
    const stored = await forceClient.putSupportService('victim-support', victimSupport);
    expect(stored).toMatchObject({ key: 'victim-support', name: victimSupport.name, description: victimSupport.description, helps: {}, contact: victimSupport.contact, openingHours: victimSupport.openingHours, openingNotes: victimSupport.openingNotes, acceptsReferrals: true });
    expect(Date.parse(stored.updatedAt)).not.toBeNaN();
    await forceClient.putSupportService('domestic-abuse', domesticAbuseOnly);
    expect((await forceClient.supportServices()).map((service) => service.key).sort()).toEqual(['domestic-abuse', 'victim-support']);

    const renamed = await forceClient.putSupportService('victim-support', { ...victimSupport, name: 'Victim Support (Testshire)' });
    expect(renamed.name).toBe('Victim Support (Testshire)');
    await forceClient.deleteSupportService('domestic-abuse');
    expect(await forceClient.supportServices()).toEqual([renamed]);
  });

  it('surfaces refusals as ProblemError', async () => {
    const { forceClient } = await newThread(server());
    const missing = await forceClient.deleteSupportService('never-added').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ProblemError);
    expect(missing).toMatchObject({ status: 404, type: problemTypes.notFound });
    await expect(forceClient.putSupportService('Not A Key', victimSupport)).rejects.toMatchObject({ status: 400, type: problemTypes.invalidRequest });
    await expect(forceClient.putSupportService('no-contact', { ...victimSupport, contact: {} })).rejects.toMatchObject({
      status: 400,
      type: problemTypes.invalidRequest,
      errors: expect.arrayContaining([expect.objectContaining({ pointer: expect.stringContaining('/contact') })]),
    });
  });
});

describe('Support referrals', () => {
  it('shows the victim the services that fit, takes a referral request once, and the force records it made', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    await thread.forceClient.putSupportService('victim-support', victimSupport);
    await thread.forceClient.putSupportService('domestic-abuse', domesticAbuseOnly);
    await thread.forceClient.putSupportService('burglary-helpline', selfReferralOnly);
    const victim = thread.victim();

    const offered = await victim.supportServices(caseId);
    expect(offered.map((service) => service.key).sort()).toEqual(['burglary-helpline', 'victim-support']);
    expect(offered.find((service) => service.key === 'victim-support')).toMatchObject({
      name: victimSupport.name, description: victimSupport.description.en, openingNotes: 'Support line open 24 hours, every day.', acceptsReferrals: true, referral: null,
    });
    const welsh = await victim.supportServices(caseId, { lang: 'cy' });
    expect(welsh.find((service) => service.key === 'victim-support')!.description).toBe(victimSupport.description.cy);
    // English where the force has no Welsh.
    expect(welsh.find((service) => service.key === 'burglary-helpline')!.description).toBe(selfReferralOnly.description.en);

    const referral = await victim.requestReferral(caseId, 'victim-support');
    expect(referral).toMatchObject({ caseId, serviceKey: 'victim-support', serviceName: victimSupport.name, referredAt: null });
    expect(Date.parse(referral.dueBy)).toBeGreaterThan(Date.parse(referral.requestedAt));
    expect(await victim.requestReferral(caseId, 'victim-support')).toEqual(referral);
    expect((await victim.supportServices(caseId)).find((service) => service.key === 'victim-support')!.referral).toEqual(referral);

    expect(await thread.forceClient.caseSupportReferrals(caseId)).toEqual([referral]);
    expect((await thread.forceClient.duties()).items).toEqual([
      expect.objectContaining({ kind: 'support_referral', caseId, referralId: referral.id, dueBy: referral.dueBy, overdue: false }),
    ]);
    const referredAt = new Date();
    const made = await thread.forceClient.recordReferralMade(caseId, referral.id, referredAt);
    expect(made).toMatchObject({ id: referral.id, serviceKey: 'victim-support' });
    expect(Date.parse(made.referredAt!)).toBe(referredAt.getTime());
    // Only the first record counts.
    expect(await thread.forceClient.recordReferralMade(caseId, referral.id, new Date().toISOString())).toEqual(made);
    expect((await thread.forceClient.duties()).items).toEqual([]);
  });

  it('surfaces refused requests and records as ProblemError with their types', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    await thread.forceClient.putSupportService('domestic-abuse', domesticAbuseOnly);
    await thread.forceClient.putSupportService('burglary-helpline', selfReferralOnly);
    await thread.forceClient.putSupportService('victim-support', victimSupport);
    const victim = thread.victim();

    await expect(victim.requestReferral(caseId, 'burglary-helpline')).rejects.toMatchObject({ status: 422, type: problemTypes.referralsNotAccepted });
    // A service that does not fit the case is not offered for it.
    await expect(victim.requestReferral(caseId, 'domestic-abuse')).rejects.toMatchObject({ status: 422, type: problemTypes.unknownSupportService });
    await expect(victim.requestReferral(caseId, 'nowhere')).rejects.toMatchObject({ status: 422, type: problemTypes.unknownSupportService });
    await expect(victim.supportServices('6a1f7c9e-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404, type: problemTypes.notFound });

    const referral = await victim.requestReferral(caseId, 'victim-support');
    const before = new Date(Date.parse(referral.requestedAt) - 60_000);
    await expect(thread.forceClient.recordReferralMade(caseId, referral.id, before)).rejects.toMatchObject({ status: 422, type: problemTypes.timeBeforeEvent });
    await expect(thread.forceClient.recordReferralMade(caseId, referral.id, new Date(Date.now() + 3_600_000))).rejects.toMatchObject({ status: 422, type: problemTypes.timeInFuture });
    await expect(thread.forceClient.recordReferralMade(caseId, '6a1f7c9e-0000-4000-8000-000000000000', new Date())).rejects.toMatchObject({ status: 404, type: problemTypes.notFound });
    await expect(thread.forceClient.caseSupportReferrals('6a1f7c9e-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404, type: problemTypes.notFound });
  });
});

describe('VictimClient: preferences', () => {
  it('reads and changes how and when the victim hears from the force', async () => {
    const thread = await newThread(server());
    const victim = thread.victim();
    expect(await victim.preferences()).toEqual({
      contactChannel: 'email', availableChannels: ['email'], language: 'en', updateEveryDays: null, forceUpdateEveryDays: 28, quietHours: null, notifications: true,
    });
    const changed = await victim.updatePreferences({ language: 'cy', updateEveryDays: 14, quietHours: { from: '21:00', until: '08:00' }, notifications: false });
    expect(changed).toMatchObject({ language: 'cy', updateEveryDays: 14, quietHours: { from: '21:00', until: '08:00' }, notifications: false });
    expect(await victim.preferences()).toEqual(changed);
    expect(await victim.updatePreferences({ updateEveryDays: null, quietHours: null })).toMatchObject({ updateEveryDays: null, quietHours: null, language: 'cy' });
  });

  it('refuses a channel the force holds no details for, and an empty change', async () => {
    const thread = await newThread(server());
    const victim = thread.victim();
    const refused = await victim.updatePreferences({ contactChannel: 'sms' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({ status: 422, type: problemTypes.channelUnavailable });
    await expect(victim.updatePreferences({})).rejects.toMatchObject({ status: 400, type: problemTypes.invalidRequest });
    await expect(victim.updatePreferences({ updateEveryDays: 3 })).rejects.toMatchObject({ status: 400, type: problemTypes.invalidRequest });

    const withMobile = await thread.forceClient.createCase({ ...newCase(thread.officer.collarNumber), victim: { ...newCase(undefined).victim, mobile: '+447700900123' } });
    const other = new VictimClient({ baseUrl: server().url, sessionToken: await createTestVictimSession(server().db, thread.force.forceId, withMobile.id) });
    expect(await other.updatePreferences({ contactChannel: 'sms' })).toMatchObject({ contactChannel: 'sms', availableChannels: expect.arrayContaining(['email', 'sms']) });
  });
});

describe('getVictimsCode', () => {
  it('reads the 12 rights without credentials, in English or Welsh, and for one stage', async () => {
    const code = await getVictimsCode({ baseUrl: server().url });
    expect(code).toMatchObject({ language: 'en' });
    expect(code.rights.map((right) => right.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const welsh = await getVictimsCode({ baseUrl: server().url, lang: 'cy' });
    expect(welsh.language).toBe('cy');
    expect(welsh.rights[0]!.title).not.toBe(code.rights[0]!.title);
    const atCourt = await getVictimsCode({ baseUrl: `${server().url}/`, stage: 'court' });
    expect(atCourt.rights.length).toBeLessThan(12);
    for (const right of atCourt.rights) expect(right.stages).toContain('court');
  });

  it('surfaces a bad stage as ProblemError', async () => {
    await expect(getVictimsCode({ baseUrl: server().url, stage: 'appeal' as CaseStage })).rejects.toMatchObject({ status: 400, type: problemTypes.invalidRequest });
  });
});
