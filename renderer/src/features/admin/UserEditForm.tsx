import { Save } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser, UserRole } from '../session';
import { Button, Select, TextInput } from '../../ui';

/**
 * "Gebruiker wijzigen": a user's name, role and organisation. The server audits the change and
 * re-checks the user's open connections when the role changed.
 */
export function UserEditForm({ users, orgs, roles, busy, onSave }: {
  users: readonly AdminUser[];
  orgs: readonly { id: string; name: string }[];
  roles: readonly UserRole[];
  busy: boolean;
  onSave(user: AdminUser, changes: { name: string; org: string; role: UserRole }): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [draft, setDraft] = useState<{ name: string; org: string; role: UserRole } | null>(null);
  const user = users.find((candidate) => candidate.username === username) ?? users[0];
  const values = draft ?? (user ? { name: user.name, org: user.org, role: user.role } : { name: '', org: '', role: 'deelnemer' as UserRole });

  const pick = (next: string): void => {
    setUsername(next);
    setDraft(null);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!user) return;
    void onSave(user, { ...values, name: values.name.trim() }).then((ok) => ok && setDraft(null));
  };

  return (
    <section aria-labelledby="admin-edit-user">
      <h2 id="admin-edit-user">{t('admin.editUser.title')}</h2>
      <form className="admin-page__form" onSubmit={submit} aria-busy={busy}>
        <Select label={t('admin.editUser.user')} value={user?.username ?? ''} onChange={(event) => pick(event.target.value)}
          options={users.map((candidate) => ({ value: candidate.username, label: `${candidate.name} (${candidate.username})` }))} />
        <TextInput label={t('admin.users.name')} value={values.name} onChange={(event) => setDraft({ ...values, name: event.target.value })} required />
        <Select label={t('admin.users.org')} value={values.org} onChange={(event) => setDraft({ ...values, org: event.target.value })}
          options={orgs.map((org) => ({ value: org.id, label: org.name }))} />
        <Select label={t('admin.users.role')} value={values.role} onChange={(event) => setDraft({ ...values, role: event.target.value as UserRole })}
          options={roles.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }))} />
        <Button type="submit" variant="primary" icon={<Save size={18} />} disabled={busy || !user}>{t('admin.editUser.submit')}</Button>
      </form>
    </section>
  );
}
