import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DomainError } from '../domain/errors';
import {
  addImprovement, improvementsByPhase, improvementPlainText, improvementsShapeProblem, improvementText, readImprovements, updateImprovement,
} from './improvements';
import { appendBlocks, fragmentToBlocks } from './richText';

const context = { username: 'regie', now: () => new Date('2026-03-01T09:00:00Z') };

describe('the improvement-measures board accessors', () => {
  it('adds a measure with its fields and two empty texts, in the board\'s shape', () => {
    const doc = new Y.Doc();
    const id = addImprovement(doc, { title: '  Werkproces borgen (fictief) ', phase: 'herkennen', status: 'lopend', org: 'vt' }, context);
    expect(id).toMatch(/^improvement:[a-z0-9]{16}$/);
    expect(readImprovements(doc)).toEqual([{
      id, title: 'Werkproces borgen (fictief)', phase: 'herkennen', status: 'lopend', org: 'vt',
      createdBy: 'regie', createdAt: '2026-03-01T09:00:00.000Z', updatedBy: 'regie', updatedAt: '2026-03-01T09:00:00.000Z',
    }]);
    expect(improvementText(doc, id, 'progress')).toBeInstanceOf(Y.XmlFragment);
    expect(improvementText(doc, id, 'bottlenecks')).toBeInstanceOf(Y.XmlFragment);
    expect(improvementsShapeProblem(doc)).toBeNull();
  });

  it('refuses a missing or too long title and unknown values, writing nothing', () => {
    const doc = new Y.Doc();
    const bad = [
      { title: ' ', phase: 'nieuw', status: 'gepland', org: '' },
      { title: 'x'.repeat(201), phase: 'nieuw', status: 'gepland', org: '' },
      { title: 'Titel', phase: 'later', status: 'gepland', org: '' },
      { title: 'Titel', phase: 'nieuw', status: 'half', org: '' },
      { title: 'Titel', phase: 'nieuw', status: 'gepland', org: 'Politie Eenheid' },
    ];
    for (const input of bad) expect(() => addImprovement(doc, input as never, context)).toThrow(DomainError);
    expect(readImprovements(doc)).toEqual([]);
  });

  it('updates only changed fields and stamps who and when', () => {
    const doc = new Y.Doc();
    const id = addImprovement(doc, { title: 'Aanspreekpunt (fictief)', phase: 'samenwerking', status: 'gepland', org: '' }, context);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    updateImprovement(doc, id, { status: 'gepland' }, { username: 'notulist' });
    expect(transactions).toBe(0);
    updateImprovement(doc, id, { status: 'gerealiseerd', org: 'politie' }, { username: 'notulist', now: () => new Date('2026-04-01T10:00:00Z') });
    expect(readImprovements(doc)[0]).toMatchObject({ status: 'gerealiseerd', org: 'politie', updatedBy: 'notulist', updatedAt: '2026-04-01T10:00:00.000Z', createdBy: 'regie' });
    expect(() => updateImprovement(doc, 'improvement:bestaatniet00001', { status: 'lopend' }, context)).toThrow();
  });

  it('groups by phase in board order, every phase present, titles sorted', () => {
    const doc = new Y.Doc();
    addImprovement(doc, { title: 'B', phase: 'regie', status: 'gepland', org: '' }, context);
    addImprovement(doc, { title: 'A', phase: 'regie', status: 'gepland', org: '' }, context);
    addImprovement(doc, { title: 'C', phase: 'herkennen', status: 'gepland', org: '' }, context);
    const groups = improvementsByPhase(readImprovements(doc));
    expect(groups.map((group) => group.phase)).toEqual(['herkennen', 'risico', 'regie', 'samenwerking', 'overig', 'nieuw']);
    expect(groups[2]?.items.map((item) => item.title)).toEqual(['A', 'B']);
  });

  it('keeps rich text in the shape the server accepts, and names what breaks it', () => {
    const doc = new Y.Doc();
    const id = addImprovement(doc, { title: 'Training (fictief)', phase: 'overig', status: 'lopend', org: '' }, context);
    doc.transact(() => appendBlocks(improvementText(doc, id, 'progress')!, [
      { kind: 'paragraph', runs: [{ text: 'Gestart in het voorjaar.', bold: true }] },
      { kind: 'list', ordered: false, items: [[{ text: 'Eerste groep' }], [{ text: 'Tweede groep' }]] },
    ]));
    expect(fragmentToBlocks(improvementText(doc, id, 'progress')!)).toHaveLength(2);
    expect(improvementPlainText(doc, id, 'progress')).toBe('Gestart in het voorjaar. · Eerste groep · Tweede groep');
    expect(improvementPlainText(doc, id, 'bottlenecks')).toBe('');
    expect(improvementsShapeProblem(doc)).toBeNull();

    const record = doc.getMap('measures').get(id) as Y.Map<unknown>;
    record.set('naam', 'Jan');
    expect(improvementsShapeProblem(doc)).toBe('field-unknown');
    record.delete('naam');
    expect(improvementsShapeProblem(doc)).toBeNull();
    doc.getMap('other');
    expect(improvementsShapeProblem(doc)).toBe('root');
  });

  it('creates a missing text only when asked to', () => {
    const doc = new Y.Doc();
    const id = addImprovement(doc, { title: 'Zonder tekst (fictief)', phase: 'nieuw', status: 'gepland', org: '' }, context);
    (doc.getMap('measures').get(id) as Y.Map<unknown>).delete('bottlenecks');
    expect(improvementText(doc, id, 'bottlenecks')).toBeNull();
    expect(improvementText(doc, id, 'bottlenecks', true)).toBeInstanceOf(Y.XmlFragment);
    expect(improvementText(doc, id, 'bottlenecks')).toBeInstanceOf(Y.XmlFragment);
  });
});
