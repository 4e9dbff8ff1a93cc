import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { syncRouteFromLocation } from './app/useHashRoute';
import { startAppUpdate } from './features/update/registerServiceWorker';
import { createI18n } from './i18n';
import './styles/index.css';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be blocked by browser policy: the app still runs, in Dutch.
    return null;
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('missing #root in index.html');
const i18n = createI18n({ storage: localStorageOrNull(), root: document.documentElement });
syncRouteFromLocation();
// The web build's offline start: the service worker keeps the app shell for the next start.
const update = startAppUpdate(window);
createRoot(root).render(<App i18n={i18n} update={update} />);
