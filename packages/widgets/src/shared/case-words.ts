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
    case 'case_closed':
      return {
        title: msg('Your case is closed'),
        explanation: msg('We have finished working on your case.'),
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
