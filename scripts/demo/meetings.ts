/**
 * The two demo meetings: a past casusoverleg that is approved (so its minutes can be
 * exported and signed) and an upcoming themakamer with an agenda.
 */
import type { AttendanceStatus, MeetingType } from '../../renderer/src/domain/meetingVocabulary';
import type { RichBlock } from '../../renderer/src/domain/richText';

/** What was recorded about one case in a meeting. */
export interface DemoItemNotes {
  notes: RichBlock[];
  decisions: string[];
  withheld?: { org: string; text: string }[];
}

/** One meeting as the demo writes it. */
export interface DemoMeeting {
  key: 'past' | 'upcoming';
  type: MeetingType;
  /** Days from the demo's today, and the local (Dutch) time of day. */
  day: number;
  time: string;
  location: string;
  videoLink?: string;
  chair: string;
  secretary: string;
  invitees: readonly string[];
  attendance: Readonly<Record<string, AttendanceStatus>>;
  /** Case keys from cases.ts, in agenda order. */
  agenda: readonly string[];
  /** Per case key; only for the past meeting. */
  items: Readonly<Record<string, DemoItemNotes>>;
  /** Approved through the server's endpoint after writing. */
  approve: boolean;
}

const p = (text: string): RichBlock => ({ kind: 'paragraph', runs: [{ text }] });

/** The past casusoverleg, approved. */
export const pastMeeting: DemoMeeting = {
  key: 'past',
  type: 'casusoverleg',
  day: -14,
  time: '13:00',
  location: 'Vergaderzaal De Maas, ZVH Voorbeeldstad (fictief)',
  chair: 'paula.procesregie',
  secretary: 'sem.secretaris',
  invitees: ['paula.procesregie', 'sem.secretaris', 'vera.veilig', 'koen.kordaat', 'olga.officier', 'rik.reclassering', 'sara.steun'],
  attendance: {
    'paula.procesregie': 'aanwezig', 'sem.secretaris': 'aanwezig', 'vera.veilig': 'aanwezig', 'koen.kordaat': 'aanwezig',
    'rik.reclassering': 'aanwezig', 'olga.officier': 'afgemeld', 'sara.steun': 'afwezig',
  },
  agenda: ['zilverreiger', 'kievit', 'tureluur'],
  items: {
    zilverreiger: {
      notes: [
        p('Sinds het vorige overleg twee overtredingen van het contactverbod. Het locatieverbod loopt binnenkort af.'),
        { kind: 'list', ordered: false, items: [[{ text: 'AWARE-alarm is uitgereikt en getest.' }], [{ text: 'Stalking-app wordt gebruikt als logboek.' }]] },
      ],
      decisions: ['Politie bundelt alle overtredingen en levert ze aan het OM.', 'OM vordert verlenging van het locatieverbod.'],
      withheld: [{ org: 'om', text: 'Informatie uit een lopend strafrechtelijk onderzoek kan nu niet worden gedeeld.' }],
    },
    kievit: {
      notes: [p('Enkelband werkt; één zoneovertreding is verklaard. Monitoring voortzetten.')],
      decisions: ['Casus blijft in monitoring; evaluatie zes weken voor het einde van de enkelband.'],
    },
    tureluur: {
      notes: [p('Wachttijd plegerhulp is zes weken. De procesregisseur zoekt een doorbraak via de gemeente.')],
      decisions: ['Procesregisseur escaleert bestuurlijk als er binnen een week geen plek is.'],
    },
  },
  approve: true,
};

/** The upcoming themakamer. */
export const upcomingMeeting: DemoMeeting = {
  key: 'upcoming',
  type: 'themakamer',
  day: 7,
  time: '09:30',
  location: 'Themakamer, ZVH Voorbeeldstad (fictief)',
  videoLink: 'https://video.voorbeeld.invalid/themakamer',
  chair: 'paula.procesregie',
  secretary: 'sem.secretaris',
  invitees: ['paula.procesregie', 'sem.secretaris', 'vera.veilig', 'koen.kordaat', 'rik.reclassering', 'wim.wijkteam', 'wanda.waarnemer'],
  attendance: {},
  agenda: ['grutto', 'zilverreiger', 'lepelaar', 'kievit'],
  items: {},
  approve: false,
};

/** Both meetings. */
export const demoMeetings: readonly DemoMeeting[] = [pastMeeting, upcomingMeeting];
