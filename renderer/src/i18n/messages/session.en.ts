import type { sessionNl } from './session.nl';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English texts of signing in, unlocking and the session: the same keys as session.nl.ts. */
export const sessionEn = {
  signIn: {
    title: 'Sign in',
    intro: 'Sign in with the account you received from the administrator of your Care and Safety House.',
    server: 'Server',
    serverHintWeb: 'The address of this Themakamer server.',
    serverHintDesktop: "The address of your region's Themakamer server, for example https://themakamer.voorbeeld.nl.",
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    offlineNotice: 'You are working offline; changes will be synchronised later',
  },
  unlock: {
    title: 'Unlock',
    intro: 'Your data on this device is locked. Enter your password to continue.',
    who: 'Signed in as {{username}} on {{server}}',
    submit: 'Unlock',
    busy: 'Unlocking…',
    switchUser: 'Another user',
  },
  reset: {
    action: 'Rebuild local data',
    explanation: 'This deletes the data on this device and fetches everything again from the server. Changes that were not synchronised yet are lost.',
  },
  errors: {
    'server-url-invalid': 'Enter a valid server address, for example https://themakamer.voorbeeld.nl.',
    'username-missing': 'Enter your username.',
    'password-missing': 'Enter your password.',
    'invalid-credentials': 'The username or password is incorrect. Check both and try again.',
    'rate-limited': 'Too many attempts; try again in a minute',
    'offline-no-vault': 'The server cannot be reached and nobody has signed in with this username on this device before. Check the server address and your connection and try again.',
    'vault-password-mismatch': 'Your password is correct, but the data on this device was locked with an earlier password. Sign in with your previous password, or rebuild the local data.',
    'server-busy': 'The server is very busy right now. Try again in half a minute.',
    'server-error': 'The server returned an unexpected error. Try again in a few minutes or contact the administrator.',
    'storage-unavailable': 'This browser does not let Themakamer keep data on this device. Allow site data for this site, or use the desktop app.',
  },
  relogin: {
    title: 'Sign in again to synchronise',
    body: 'Your session on the server has expired. You can keep working: your changes stay on this device and are sent as soon as you have signed in again.',
    password: 'Password',
    submit: 'Sign in again',
    later: 'Later',
    done: 'You are signed in again. Your changes are being synchronised.',
    unreachable: 'The server cannot be reached. Try again once you are connected.',
  },
  offlineBanner: 'You are working offline; changes will be synchronised later',
  loading: 'Loading data…',
} satisfies Strings<typeof sessionNl>;
