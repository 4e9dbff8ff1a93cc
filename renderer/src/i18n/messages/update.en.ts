import type { updateNl } from './update.nl';

/** English texts about the app's own version. */
export const updateEn = {
  available: 'New version available.',
  availableBody: 'Your work stays saved on this device. The app reloads; then you enter your password.',
  load: 'Load new version',
  loading: 'Loading…',
  appOlder: 'This version of Themakamer is older than the server’s (protocol {{app}}, server {{server}}), so syncing may fail. Load the new version when it is offered here, or close Themakamer and open it again. If that does not help, contact your administrator. Your changes stay saved on this device.',
  appNewer: 'This version of Themakamer is newer than the server’s (protocol {{app}}, server {{server}}), so syncing may fail until the server is updated. Contact your administrator. Your changes stay saved on this device.',
} satisfies Record<keyof typeof updateNl, string>;
