import { Pencil } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Select, TextInput } from '../../ui';

/** Renames an organisation (its id stays; the server audits the change). */
export function OrgRenameForm({ orgs, busy, onRename }: {
  orgs: readonly { id: string; name: string }[];
  busy: boolean;
  onRename(id: string, name: string): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const current = orgs.find((org) => org.id === id) ?? orgs[0];
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!current) return;
    void onRename(current.id, name.trim()).then((ok) => ok && setName(''));
  };
  return (
    <form className="admin-page__form" onSubmit={submit} aria-busy={busy}>
      <Select label={t('admin.renameOrg.org')} value={current?.id ?? ''} onChange={(event) => setId(event.target.value)}
        options={orgs.map((org) => ({ value: org.id, label: org.name }))} />
      <TextInput label={t('admin.renameOrg.name')} value={name} onChange={(event) => setName(event.target.value)} required />
      <Button type="submit" variant="secondary" icon={<Pencil size={18} />} disabled={busy || !current}>{t('admin.renameOrg.submit')}</Button>
    </form>
  );
}
