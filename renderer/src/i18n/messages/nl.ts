import { adminNl } from './admin.nl';
import { presenceNl } from './presence.nl';
import { planNl } from './plan.nl';
import { actionsNl } from './actions.nl';
import { sessionNl } from './session.nl';
import { minutesNl } from './minutes.nl';
import { casesNl } from './cases.nl';
import { boardNl } from './board.nl';
import { meetingsNl } from './meetings.nl';
import { updateNl } from './update.nl';
import { privacyNl } from './privacy.nl';
import { remindersNl } from './reminders.nl';
import { improvementsNl } from './improvements.nl';
import { monitorNl } from './monitor.nl';
/**
 * Every Dutch text the app shows. Dutch is the source: English (en.ts) must have the same
 * keys, which the compiler checks. Quotes around button names use ‘ ’ as Dutch typesetting does.
 */
export const nl = {
  app: {
    name: 'Themakamer',
    subtitle: 'Zorg- en Veiligheidshuis',
    documentTitle: '{{section}} – Themakamer',
  },
  skipLink: 'Naar de inhoud',
  nav: {
    label: 'Hoofdmenu',
    meetings: 'Overleggen',
    cases: 'Casussen',
    actions: 'Acties',
    improvements: 'Verbetermaatregelen',
    monitor: 'Monitor',
    'partner-figures': 'Cijfers opgeven',
    'access-log': 'Toegangslog',
    admin: 'Beheer',
  },
  sections: {
    admin: {
      title: 'Beheer',
    },
    meetings: {
      title: 'Overleggen',
      emptyTitle: 'Er zijn nog geen overleggen',
      emptyBody: 'Een procesregisseur plant een overleg met ‘Nieuw overleg’. Overleggen waarvoor u bent uitgenodigd, verschijnen daarna hier.',
    },
    cases: {
      title: 'Casussen',
      emptyTitle: 'Er zijn nog geen casussen',
      emptyBody: 'Een procesregisseur, secretaris of deelnemer legt een casus aan met ‘Nieuwe casus’. U ziet hier alleen de casussen waartoe u toegang hebt.',
    },
    actions: {
      title: 'Acties',
      emptyTitle: 'Er zijn nog geen acties',
      emptyBody: 'Acties worden afgesproken in een overleg of in het veiligheidsplan van een casus. Elke actie heeft één eigenaar en een deadline; acties voor u verschijnen hier.',
    },
    'access-log': {
      title: 'Toegangslog',
    },
    improvements: {
      title: 'Verbetermaatregelen',
    },
    monitor: {
      title: 'Monitor',
    },
    'partner-figures': {
      title: 'Cijfers opgeven',
    },
    meeting: {
      title: 'Overleg',
      unavailableTitle: 'Dit overleg is niet beschikbaar',
      unavailableBody: 'Het overleg bestaat niet, of u hebt er geen toegang toe. Vraag de procesregisseur om een uitnodiging als u erbij hoort te zijn.',
      back: 'Terug naar Overleggen',
    },
    case: {
      title: 'Casus',
      unavailableTitle: 'Deze casus is niet beschikbaar',
      unavailableBody: 'De casus bestaat niet, of u hebt er geen toegang toe. Vraag de procesregisseur om toegang als u bij deze casus betrokken bent.',
      back: 'Terug naar Casussen',
    },
    notFound: {
      title: 'Pagina niet gevonden',
      body: 'Dit adres bestaat niet in Themakamer. Kies een onderdeel in het hoofdmenu.',
      back: 'Naar Overleggen',
    },
  },
  sync: {
    label: 'Verbinding',
    online: 'Online',
    offline: 'Offline',
    syncing: 'Synchroniseren…',
    unauthorized: 'Opnieuw inloggen nodig',
    lastSynced: 'Laatst gesynchroniseerd {{moment}}',
    wentOffline: 'De verbinding is verbroken. U bent offline.',
    backOnline: 'De verbinding is hersteld. U bent weer online.',
    needsLogin: 'Uw sessie is verlopen. Log opnieuw in om verder te synchroniseren.',
  },
  time: {
    justNow: 'zojuist',
    sameDay: 'om {{time}}',
    yesterday: 'gisteren om {{time}}',
    otherDay: 'op {{date}} om {{time}}',
  },
  language: {
    label: 'Taal',
    nl: 'Nederlands',
    en: 'English',
    changed: 'De taal is nu Nederlands.',
  },
  user: {
    label: 'Gebruiker',
    signedOut: 'Niet ingelogd',
    signOut: 'Uitloggen',
  },
  about: {
    open: 'Over Themakamer',
    title: 'Over Themakamer',
    description: 'Themakamer ondersteunt de casusoverleggen van het Zorg- en Veiligheidshuis: casussen, veiligheidsplannen, acties en verslagen.',
    version: 'Versie',
    shell: 'Uitvoering',
    shellDesktop: 'Desktop-app',
    shellWeb: 'Webversie in de browser',
    server: 'Server',
    serverUnknown: 'Nog niet ingesteld',
    loading: 'Gegevens worden opgehaald…',
    failed: 'De gegevens van deze installatie konden niet worden opgehaald. Sluit dit venster en probeer het opnieuw.',
  },
  common: {
    close: 'Sluiten',
    notifications: 'Meldingen',
    dismiss: 'Melding sluiten',
  },
  actions: actionsNl,
  plan: planNl,
  presence: presenceNl,
  session: sessionNl,
  admin: adminNl,
  minutes: minutesNl,
  cases: casesNl,
  board: boardNl,
  meetings: meetingsNl,
  update: updateNl,
  privacy: privacyNl,
  reminders: remindersNl,
  improvements: improvementsNl,
  monitor: monitorNl,
};
