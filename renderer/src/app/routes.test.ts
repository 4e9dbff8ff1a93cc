import { describe, expect, it } from 'vitest';
import { homeRouteFor, hrefOf, parseHash, sameRoute, sectionOf, sectionsFor, type Route } from './routes';

const caseId = 'case:k3j4h5g6f7d8s9a0';
const meetingId = 'meeting:q1w2e3r4t5y6u7i8';

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { name: 'meetings' }],
    ['#', { name: 'meetings' }],
    ['#/', { name: 'meetings' }],
    ['#/overleggen', { name: 'meetings' }],
    ['#/overleggen/', { name: 'meetings' }],
    ['#/casussen', { name: 'cases' }],
    ['#/acties', { name: 'actions' }],
    ['#/verbetermaatregelen', { name: 'improvements' }],
    ['#/toegangslog', { name: 'access-log' }],
    ['#/monitor', { name: 'monitor' }],
    ['#/cijfers-opgeven', { name: 'partner-figures' }],
    [`#/casussen/${caseId}`, { name: 'case', caseId }],
    [`#/casussen/${encodeURIComponent(caseId)}`, { name: 'case', caseId }],
    [`#/overleggen/${meetingId}`, { name: 'meeting', meetingId }],
  ])('reads %j', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it.each([
    '#inhoud',
    '#/onbekend',
    '#/acties/extra',
    `#/casussen/${meetingId}`,
    `#/overleggen/${caseId}`,
    '#/casussen/case:UPPER1234567',
    '#/casussen/case:kort',
    `#/casussen/${caseId}/meer`,
    '#/casussen/%E0%A4%A',
    '#/casussen/case:k3j4h5g6f7d8s9a0<script>',
  ])('sends %j to not-found', (hash) => {
    expect(parseHash(hash)).toEqual({ name: 'not-found' });
  });

  it('writes the hash that reads back to the same route', () => {
    const routes: Route[] = [
      { name: 'meetings' }, { name: 'cases' }, { name: 'actions' }, { name: 'improvements' }, { name: 'access-log' }, { name: 'monitor' },
      { name: 'case', caseId }, { name: 'meeting', meetingId },
    ];
    for (const route of routes) expect(parseHash(hrefOf(route))).toEqual(route);
    expect(hrefOf({ name: 'cases' })).toBe('#/casussen');
  });

  it('puts detail screens under their menu section', () => {
    expect(sectionOf({ name: 'case', caseId })).toBe('cases');
    expect(sectionOf({ name: 'meeting', meetingId })).toBe('meetings');
    expect(sectionOf({ name: 'actions' })).toBe('actions');
    expect(sectionOf({ name: 'not-found' })).toBeNull();
  });

  it('gives the privacy officer only the monitor and the access log, and nobody else the access log', () => {
    expect(sectionsFor('privacyfunctionaris')).toEqual(['monitor', 'access-log']);
    expect(homeRouteFor('privacyfunctionaris')).toEqual({ name: 'access-log' });
    for (const role of ['procesregisseur', 'secretaris', 'deelnemer', 'waarnemer', 'beheerder']) {
      expect(sectionsFor(role)).toEqual(
        role === 'beheerder' ? ['meetings', 'cases', 'actions', 'admin']
          : role === 'procesregisseur' ? ['meetings', 'cases', 'actions', 'improvements', 'monitor'] : ['meetings', 'cases', 'actions', 'improvements'],
      );
      expect(homeRouteFor(role)).toEqual({ name: 'meetings' });
    }
    expect(sectionOf({ name: 'access-log' })).toBe('access-log');
    expect(hrefOf({ name: 'access-log' })).toBe('#/toegangslog');
  });

  it('gives management the monitor and the improvement measures, and lands it on the monitor', () => {
    expect(sectionsFor('management')).toEqual(['monitor', 'improvements']);
    expect(homeRouteFor('management')).toEqual({ name: 'monitor' });
    expect(sectionOf({ name: 'monitor' })).toBe('monitor');
    expect(hrefOf({ name: 'monitor' })).toBe('#/monitor');
  });

  it('compares routes by place', () => {
    expect(sameRoute({ name: 'case', caseId }, { name: 'case', caseId })).toBe(true);
    expect(sameRoute({ name: 'case', caseId }, { name: 'cases' })).toBe(false);
  });
  it('gives the users of a partner organisation with a case role "Cijfers opgeven", and no one else', () => {
    expect(sectionsFor('deelnemer', 'om')).toEqual(['meetings', 'cases', 'actions', 'improvements', 'partner-figures']);
    expect(sectionsFor('secretaris', 'gemeente-schiedam')).toContain('partner-figures');
    expect(sectionsFor('procesregisseur', 'vt')).toEqual(['meetings', 'cases', 'actions', 'improvements', 'monitor', 'partner-figures']);
    for (const [role, org] of [['deelnemer', 'zvh'], ['waarnemer', 'om'], ['management', 'vt'], ['beheerder', 'politie'], ['deelnemer', 'rn'], ['deelnemer', 'omroep']] as const) {
      expect(sectionsFor(role, org), `${role} at ${org}`).not.toContain('partner-figures');
    }
    expect(sectionsFor('deelnemer')).not.toContain('partner-figures');
    expect(hrefOf({ name: 'partner-figures' })).toBe('#/cijfers-opgeven');
    expect(sectionOf({ name: 'partner-figures' })).toBe('partner-figures');
  });
});
