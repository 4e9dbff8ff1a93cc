/** Dutch texts about the app's own version (registered as `update` in nl.ts). */
export const updateNl = {
  available: 'Nieuwe versie beschikbaar.',
  availableBody: 'Uw werk blijft op dit apparaat bewaard. De app laadt opnieuw; daarna vult u uw wachtwoord in.',
  load: 'Nieuwe versie laden',
  loading: 'Bezig met laden…',
  appOlder: 'Deze versie van Themakamer is ouder dan die van de server (protocol {{app}}, server {{server}}), waardoor synchroniseren kan mislukken. Laad de nieuwe versie als die hier wordt aangeboden, of sluit Themakamer en open het opnieuw. Lukt dat niet, neem dan contact op met uw beheerder. Uw wijzigingen blijven op dit apparaat bewaard.',
  appNewer: 'Deze versie van Themakamer is nieuwer dan die van de server (protocol {{app}}, server {{server}}), waardoor synchroniseren kan mislukken tot de server is bijgewerkt. Neem contact op met uw beheerder. Uw wijzigingen blijven op dit apparaat bewaard.',
};
