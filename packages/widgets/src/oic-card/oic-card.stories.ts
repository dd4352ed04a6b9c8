import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { OfficerAbsence, Rank } from '@victim-portal/sdk';
import { officerWithLongName } from '../stories/fake-service.js';
import './oic-card.js';

const ranks: Rank[] = [
  'police_constable', 'detective_constable', 'sergeant', 'detective_sergeant', 'inspector', 'detective_inspector',
  'chief_inspector', 'detective_chief_inspector', 'superintendent', 'detective_superintendent', 'police_staff_investigator',
];

interface Args {
  hasOfficer: boolean;
  displayName: string;
  rank: Rank;
  collarNumber: string;
  away: 'no' | 'with cover' | 'without cover';
  headingLevel: number;
}

const absence = (away: Args['away']): OfficerAbsence | undefined =>
  away === 'no'
    ? undefined
    : {
        from: '2025-03-14T00:00:00Z',
        until: '2025-03-24T00:00:00Z',
        coveredBy: away === 'with cover' ? { displayName: 'DC Amir Khan', rank: 'detective_constable', collarNumber: '3380' } : null,
      };

/** Who is dealing with the case, or a kind message while nobody has been given it. */
const meta: Meta<Args> = {
  title: 'Elements/vp-oic-card',
  component: 'vp-oic-card',
  args: { hasOfficer: true, displayName: 'DC Sam Patel', rank: 'detective_constable', collarNumber: '4521', away: 'no', headingLevel: 3 },
  argTypes: {
    hasOfficer: { description: 'Whether the case has an officer in charge (`officer` is null when not)' },
    displayName: { description: '`officer.displayName` (property)', if: { arg: 'hasOfficer' } },
    rank: { control: 'select', options: ranks, description: '`officer.rank` (property)', if: { arg: 'hasOfficer' } },
    collarNumber: { description: '`officer.collarNumber` (property)', if: { arg: 'hasOfficer' } },
    away: {
      control: 'inline-radio',
      options: ['no', 'with cover', 'without cover'],
      description: '`officer.absence`: while the officer is away, when they are back and who covers (property)',
      if: { arg: 'hasOfficer' },
    },
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the heading, 2–6' },
  },
  render: ({ hasOfficer, displayName, rank, collarNumber, away, headingLevel }) => {
    const officerAbsence = absence(away);
    return html`<vp-oic-card
      heading-level=${headingLevel}
      .officer=${hasOfficer ? { displayName, rank, collarNumber, ...(officerAbsence ? { absence: officerAbsence } : {}) } : null}
    ></vp-oic-card>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const NoOfficerYet: Story = { args: { hasOfficer: false } };
export const Constable: Story = { args: { displayName: 'PC Jo Evans', rank: 'police_constable', collarNumber: '1187' } };
export const DetectiveConstable: Story = {};
export const Sergeant: Story = { args: { displayName: 'DS Priya Shah', rank: 'detective_sergeant', collarNumber: '2290' } };
export const Inspector: Story = { args: { displayName: 'DCI Alex Morgan', rank: 'detective_chief_inspector', collarNumber: '305' } };
export const Superintendent: Story = { args: { displayName: 'Supt Chris Hughes', rank: 'superintendent', collarNumber: '88' } };
export const PoliceStaff: Story = { args: { displayName: 'Morgan Lee', rank: 'police_staff_investigator', collarNumber: 'S7741' } };
/** Away until 24 March, with another officer covering: their name, rank and collar number. */
export const AwayWithCover: Story = { args: { displayName: 'DS Jo Rees', rank: 'detective_sergeant', collarNumber: '2210', away: 'with cover' } };
/** Away, and nobody covering: when they are back, and to call 101 meanwhile. */
export const AwayWithoutCover: Story = { args: { displayName: 'DS Jo Rees', rank: 'detective_sergeant', collarNumber: '2210', away: 'without cover' } };
/** A long name and collar number wrap at 320 px rather than scroll sideways. */
export const LongName: Story = {
  args: { displayName: officerWithLongName.displayName, rank: officerWithLongName.rank, collarNumber: officerWithLongName.collarNumber, away: 'with cover' },
  parameters: { viewport: { value: 'mobile1' } },
};
