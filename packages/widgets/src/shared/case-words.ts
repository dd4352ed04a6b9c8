import { msg } from '@lit/localize';
import type { CaseStatus, Rank, ReportedVia } from '@victim-portal/sdk';

// The contract's enum values in the victim's words. Each switch is exhaustive: a value added to
// the contract fails the typecheck here (the `never` in each default) until it has wording and
// a Welsh translation. At run time a newer service may still send a value an older copy of the
// drop-in script does not know: then we say something true rather than break the page.

/** Plain words for where an investigation stands, with one line saying what that means. */
export interface StatusWords {
  /** A few words, e.g. "We are investigating". */
  title: string;
  /** One sentence on what it means for the victim. */
  explanation: string;
}

/** @returns the victim-facing wording of a case status, in the active language */
export function statusWords(status: CaseStatus): StatusWords {
  switch (status) {
    case 'report_received':
      return {
        title: msg('We have received your report'),
        explanation: msg('We have your report and will look at what happened.'),
      };
    case 'under_investigation':
      return {
        title: msg('We are investigating'),
        explanation: msg('An officer is looking into what happened.'),
      };
    case 'suspect_charged':
      return {
        title: msg('Someone has been charged'),
        explanation: msg('Someone has been charged with this crime. The case will now go to court.'),
      };
    case 'awaiting_court_result':
      return {
        title: msg("Waiting for the court's decision"),
        explanation: msg('The case is going through the courts. We will tell you the result.'),
      };
    case 'no_further_action':
      return {
        title: msg('No further action for now'),
        explanation: msg('We have decided not to take any further action for now. If new information comes to light, we can look at the case again.'),
      };
    case 'unable_to_prosecute':
      return {
        title: msg('We cannot take anyone to court'),
        explanation: msg('We cannot take anyone to court at the moment, for example because there is not enough evidence.'),
      };
    case 'no_suspect_identified':
      return {
        title: msg('We have not found who did this'),
        explanation: msg('We have not been able to identify who did this, so the investigation has stopped for now. If new information comes to light, we can look at the case again.'),
      };
    case 'offender_cautioned':
      return {
        title: msg('The offender has been given a caution'),
        explanation: msg('The person who did this admitted it and was given a caution: a formal warning that goes on their record.'),
      };
    case 'penalty_notice':
      return {
        title: msg('The offender has been given a fine'),
        explanation: msg('The person who did this was given a penalty notice: a fine they must pay instead of going to court.'),
      };
    case 'drugs_warning':
      return {
        title: msg('A drugs warning was given'),
        explanation: msg('The person was given a formal warning for having drugs, instead of going to court.'),
      };
    case 'local_resolution':
      return {
        title: msg('Dealt with without going to court'),
        explanation: msg('The crime was dealt with by a community resolution, for example an apology or putting right the harm done, instead of going to court.'),
      };
    case 'not_in_public_interest':
      return {
        title: msg('No further action: not in the public interest'),
        explanation: msg('It was decided that taking this case further would not be in the public interest.'),
      };
    case 'action_by_another_organisation':
      return {
        title: msg('Another organisation is dealing with it'),
        explanation: msg('Another organisation, such as a school or an employer, is dealing with this instead of the police.'),
      };
    case 'dealt_with_in_another_case':
      return {
        title: msg('Dealt with in another case'),
        explanation: msg('The person who did this has been dealt with for it as part of another case.'),
      };
    default: {
      const _unknown: never = status;
      return {
        title: msg('Ask us for the latest'),
        explanation: msg('We cannot show where your case is on this page just now. Call 101 and give your crime reference for an update.'),
      };
    }
  }
}

/** @returns the rank in words, e.g. "Detective Constable", in the active language ('' if unknown) */
export function rankWords(rank: Rank): string {
  switch (rank) {
    case 'police_constable':
      return msg('Police Constable');
    case 'detective_constable':
      return msg('Detective Constable');
    case 'sergeant':
      return msg('Sergeant');
    case 'detective_sergeant':
      return msg('Detective Sergeant');
    case 'inspector':
      return msg('Inspector');
    case 'detective_inspector':
      return msg('Detective Inspector');
    case 'chief_inspector':
      return msg('Chief Inspector');
    case 'detective_chief_inspector':
      return msg('Detective Chief Inspector');
    case 'superintendent':
      return msg('Superintendent');
    case 'detective_superintendent':
      return msg('Detective Superintendent');
    case 'police_staff_investigator':
      return msg('Police Staff Investigator');
    default: {
      const _unknown: never = rank;
      return '';
    }
  }
}

/** @returns how the crime was reported, in words, in the active language ('' if unknown) */
export function reportedViaWords(reportedVia: ReportedVia): string {
  switch (reportedVia) {
    case 'phone_999':
      return msg('By phone, on 999');
    case 'phone_101':
      return msg('By phone, on 101');
    case 'online':
      return msg('Online');
    case 'in_person':
      return msg('In person');
    default: {
      const _unknown: never = reportedVia;
      return '';
    }
  }
}
