import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CaseStatus, ReportedVia } from '@victim-portal/sdk';
import { burglary } from '../stories/fake-service.js';
import './case-status.js';

const statuses: CaseStatus[] = ['report_received', 'under_investigation', 'suspect_charged', 'awaiting_court_result', 'no_further_action', 'unable_to_prosecute', 'case_closed'];
const reportedVia: ReportedVia[] = ['phone_999', 'phone_101', 'online', 'in_person'];

interface Args {
  status: CaseStatus;
  crimeReference: string;
  crimeType: string;
  reportedVia: ReportedVia;
  headingLevel: number;
}

/** A victim's case at a glance: where the investigation stands, the crime reference and how it was reported. */
const meta: Meta<Args> = {
  title: 'Elements/vp-case-status',
  component: 'vp-case-status',
  args: { status: 'under_investigation', crimeReference: burglary.crimeReference, crimeType: burglary.crimeType, reportedVia: 'phone_101', headingLevel: 3 },
  argTypes: {
    status: { control: 'select', options: statuses, description: 'The case’s status (`case.status`, property)' },
    crimeReference: { description: '`case.crimeReference` (property)' },
    crimeType: { description: '`case.crimeType`, in English from the service (property)' },
    reportedVia: { control: 'select', options: reportedVia, description: '`case.reportedVia` (property)' },
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the heading, 2–6' },
  },
  render: (args) => html`<vp-case-status
    heading-level=${args.headingLevel}
    .case=${{ ...burglary, status: args.status, crimeReference: args.crimeReference, crimeType: args.crimeType, reportedVia: args.reportedVia }}
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
export const CaseClosed: Story = { args: { status: 'case_closed', reportedVia: 'in_person' } };
/** A long reference and crime type wrap rather than scroll sideways at 320 px. */
export const LongText: Story = {
  args: { crimeReference: 'KN/24/00123456789012345678901234567890', crimeType: 'Theft from a motor vehicle, including the theft of number plates and fuel' },
  parameters: { viewport: { value: 'mobile1' } },
};
