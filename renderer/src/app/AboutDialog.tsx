import { Info } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../platform';
import { getApi } from '../platform';
import { Button, Dialog } from '../ui';

type Loaded = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed' };

function AboutDetails() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    getApi().getAppInfo().then(
      (info) => live && setLoaded({ status: 'ready', info }),
      () => live && setLoaded({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, []);
  if (loaded.status === 'loading') return <p>{t('about.loading')}</p>;
  if (loaded.status === 'failed') return <p className="about__error">{t('about.failed')}</p>;
  const { info } = loaded;
  return (
    <dl className="about__facts">
      <dt>{t('about.version')}</dt>
      <dd>{info.version}</dd>
      <dt>{t('about.shell')}</dt>
      <dd data-shell={info.shell}>{info.shell === 'desktop' ? t('about.shellDesktop') : t('about.shellWeb')}</dd>
      <dt>{t('about.server')}</dt>
      <dd>{info.serverUrl ?? t('about.serverUnknown')}</dd>
    </dl>
  );
}

/** "Over Themakamer": version, desktop or web, and which server; read through the platform Api. */
export function AboutButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="quiet" icon={<Info size={18} />} onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('about.open')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('about.title')} closeLabel={t('common.close')}>
        <p>{t('about.description')}</p>
        <AboutDetails />
      </Dialog>
    </>
  );
}
