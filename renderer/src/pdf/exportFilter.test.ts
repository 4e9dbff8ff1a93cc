import { describe, expect, it } from 'vitest';
import { appendixActions, forOrganisation, withoutNeverExport, type CanKnow } from './exportFilter';
import type { MinutesData } from './model';
import { fictionalMinutes } from './testing/fixtures';

function minutesWithThreeCases(): MinutesData {
  const data = fictionalMinutes(3);
  const [first, second, third] = data.items;
  if (!first || !second || !third) throw new Error('fixture too short');
  second.restricted = true;
  third.safetyPlan.push({
    sectionTitle: 'Opvanglocatie',
    neverExport: true,
    blocks: [{ kind: 'paragraph', runs: [{ text: 'Fictieve Schuilweg 1' }] }],
  });
  third.summary.push({ kind: 'heading', text: 'Alleen intern', neverExport: true });
  return data;
}

// Police may know the first and second case; not the third.
const policeKnows: CanKnow = (caseId, orgId) =>
  orgId === 'politie' && (caseId.startsWith('case:fict0000') || caseId.startsWith('case:fict0001'));

describe('forOrganisation', () => {
  it('keeps only the cases the organisation may know, and never closed-session items', () => {
    const version = forOrganisation(minutesWithThreeCases(), 'politie', policeKnows);
    expect(version.items.map((item) => item.caseLabel)).toEqual(['Casus Zilverreiger 1']);
    expect(version.audience).toEqual({ id: 'politie', name: 'Politie' });
  });

  it('asks about every case, so a default-deny check leaves nothing', () => {
    const asked: string[] = [];
    const version = forOrganisation(minutesWithThreeCases(), 'vt', (caseId) => {
      asked.push(caseId);
      return false;
    });
    expect(version.items).toEqual([]);
    expect(asked).toHaveLength(2);
    expect(appendixActions(version)).toEqual([]);
  });

  it('drops fields marked never-export and derives the appendix from what is left', () => {
    const version = forOrganisation(minutesWithThreeCases(), 'vt', () => true);
    const third = version.items.find((item) => item.caseLabel === 'Casus Grutto 3');
    expect(third?.safetyPlan.map((section) => section.sectionTitle)).not.toContain('Opvanglocatie');
    expect(JSON.stringify(version)).not.toContain('Schuilweg');
    expect(JSON.stringify(version)).not.toContain('Alleen intern');
    expect(appendixActions(version).map((action) => action.caseLabel)).toEqual([
      'Casus Zilverreiger 1', 'Casus Zilverreiger 1', 'Casus Zilverreiger 1',
      'Casus Grutto 3', 'Casus Grutto 3', 'Casus Grutto 3',
    ]);
  });

  it('does not change the full minutes it was given', () => {
    const data = minutesWithThreeCases();
    const before = JSON.stringify(data);
    forOrganisation(data, 'politie', policeKnows);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('refuses an organisation that is not one of the region', () => {
    expect(() => forOrganisation(minutesWithThreeCases(), 'onbekend', () => true)).toThrow(/unknown organisation id/);
  });
});

describe('withoutNeverExport', () => {
  it('keeps closed-session items in the full minutes but strips never-export content', () => {
    const full = withoutNeverExport(minutesWithThreeCases());
    expect(full.items).toHaveLength(3);
    expect(JSON.stringify(full)).not.toContain('Schuilweg');
  });
});
