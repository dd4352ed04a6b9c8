import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { openapiDocument } from '@victim-portal/contract';
import type { CaseStatus, ReportedVia } from '@victim-portal/sdk';
import { burglary } from '../stories/fake-service.js';
import './case-status.js';

// Every status the contract has, so a new one shows up here too.
const statuses = (openapiDocument as { components: { schemas: { CaseStatus: { enum: CaseStatus[] } } } }).components.schemas.CaseStatus.enum;
const reportedVia: ReportedVia[] = ['phone_999', 'phone_101', 'online', 'in_person'];

interface Args {
  status: CaseStatus;
  crimeReference: string;
  crimeType: string;
  reportedVia: ReportedVia;
  nextUpdateDue: string;
  headingLevel: number;
}

/** A victim's case at a glance: where the investigation stands, the crime reference and how it was reported. */
const meta: Meta<Args> = {
  title: 'Elements/vp-case-status',
  component: 'vp-case-status',
  args: { status: 'under_investigation', crimeReference: burglary.crimeReference, crimeType: burglary.crimeType, reportedVia: 'phone_101', nextUpdateDue: '2025-03-20', headingLevel: 3 },
  argTypes: {
    status: { control: 'select', options: statuses, description: 'The case’s status (`case.status`, property)' },
    crimeReference: { description: '`case.crimeReference` (property)' },
    crimeType: { description: '`case.crimeType`, in English from the service (property)' },
    reportedVia: { control: 'select', options: reportedVia, description: '`case.reportedVia` (property)' },
    nextUpdateDue: { description: '`case.nextUpdateDue`, a date (YYYY-MM-DD), or empty for none: null once the case is closed (property)' },
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the heading, 2–6' },
  },
  render: (args) => html`<vp-case-status
    heading-level=${args.headingLevel}
    .case=${{ ...burglary, status: args.status, crimeReference: args.crimeReference, crimeType: args.crimeType, reportedVia: args.reportedVia, nextUpdateDue: args.nextUpdateDue || null }}
  ></vp-case-status>`,
};
export default meta;

type Story = StoryObj<Args>;

export const ReportReceived: Story = { args: { status: 'report_received', reportedVia: 'online' } };
export const UnderInvestigation: Story = { args: { status: 'under_investigation' } };
export const SuspectCharged: Story = { args: { status: 'suspect_charged' } };
export const AwaitingCourtResult: Story = { args: { status: 'awaiting_court_result' } };
export const NoFurtherAction: Story = { args: { status: 'no_further_action' } };
export const UnableToProsecute: Story = { args: { status: 'unable_to_prosecute' } };
export const NoSuspectIdentified: Story = { args: { status: 'no_suspect_identified', reportedVia: 'in_person', nextUpdateDue: '' } };
export const OffenderCautioned: Story = { args: { status: 'offender_cautioned', nextUpdateDue: '' } };
export const PenaltyNotice: Story = { args: { status: 'penalty_notice', nextUpdateDue: '' } };
export const DrugsWarning: Story = { args: { status: 'drugs_warning', nextUpdateDue: '' } };
export const LocalResolution: Story = { args: { status: 'local_resolution', nextUpdateDue: '' } };
export const NotInPublicInterest: Story = { args: { status: 'not_in_public_interest', nextUpdateDue: '' } };
export const ActionByAnotherOrganisation: Story = { args: { status: 'action_by_another_organisation', nextUpdateDue: '' } };
export const DealtWithInAnotherCase: Story = { args: { status: 'dealt_with_in_another_case', nextUpdateDue: '' } };
/** A long reference and crime type wrap rather than scroll sideways at 320 px. */
export const LongText: Story = {
  args: { crimeReference: 'KN/24/00123456789012345678901234567890', crimeType: 'Theft from a motor vehicle, including the theft of number plates and fuel' },
  parameters: { viewport: { value: 'mobile1' } },
};
