import { Plus } from 'lucide-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, useDirectory, useSession, type AdminUser, type UserRole } from '../session';
import { Notice } from '../session';
import { Button, PageHeading, Select, TextInput } from '../../ui';
import { OrgRenameForm } from './OrgRenameForm';
import { UserEditForm } from './UserEditForm';
import { UserImport } from './UserImport';
import { OidcBindings } from './OidcBindings';
import './admin.css';

const roles: readonly UserRole[] = ['procesregisseur', 'secretaris', 'deelnemer', 'waarnemer', 'beheerder', 'management'];
type ErrorKey = 'exists' | 'invalid' | 'unknown_org' | 'unknown_user' | 'self' | 'other';
const errorKeys: readonly string[] = ['exists', 'invalid', 'unknown_org', 'unknown_user', 'self'];

/** What the last change said: a confirmation, a one-time password, or an error. */
type Outcome =
  | { kind: 'done'; text: string }
  | { kind: 'password'; name: string; username: string; password: string }
  | { kind: 'error'; key: ErrorKey };

/**
 * "Beheer" for the role beheerder: organisations (add, rename) and accounts (add, change name,
 * role and organisation, disable and enable, a new one-time password, a new two-factor set-up,
 * a CSV import with a dry run). The server audits every change with the
 * beheerder as actor, through the same code as `npm run admin`.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const { api, user: me } = useSession();
  const { orgs, orgName } = useDirectory();
  const [users, setUsers] = useState<readonly AdminUser[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [newUser, setNewUser] = useState({ name: '', username: '', org: '', role: 'deelnemer' as UserRole });
  const [newOrg, setNewOrg] = useState({ id: '', name: '' });
  const [extraOrgs, setExtraOrgs] = useState<readonly { id: string; name: string }[]>([]);
  const [renamed, setRenamed] = useState<Readonly<Record<string, string>>>({});
  const allOrgs = [...orgs, ...extraOrgs.filter((org) => !orgs.some((known) => known.id === org.id))].map((org) => ({ ...org, name: renamed[org.id] ?? org.name }));
  const nameOfOrg = (id: string): string => allOrgs.find((org) => org.id === id)?.name ?? orgName(id);

  const reload = useCallback(async () => {
    setUsers(await api.adminUsers());
  }, [api]);
  useEffect(() => {
    reload().catch(() => setOutcome({ kind: 'error', key: 'other' }));
  }, [reload]);

  /** Runs one change, then reloads the list; refusals become a Dutch message. */
  const change = async (work: () => Promise<Outcome>): Promise<boolean> => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await work();
      // The list first, then the message: what the message says is already in the table. A
      // failed reload must not hide a one-time password, so it only leaves the list stale.
      await reload().catch(() => undefined);
      setOutcome(result);
      return true;
    } catch (error) {
      const code = isApiError(error) ? error.serverCode : null;
      setOutcome({ kind: 'error', key: code !== null && errorKeys.includes(code) ? (code as ErrorKey) : 'other' });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const addOrg = (event: FormEvent): void => {
    event.preventDefault();
    const org = { id: newOrg.id.trim(), name: newOrg.name.trim() };
    void change(async () => {
      await api.adminAddOrg(org.id, org.name);
      setExtraOrgs((before) => [...before, org]);
      return { kind: 'done', text: t('admin.done.orgAdded', { name: org.name }) };
    }).then((ok) => ok && setNewOrg({ id: '', name: '' }));
  };

  const addUser = (event: FormEvent): void => {
    event.preventDefault();
    const input = { ...newUser, username: newUser.username.trim(), org: newUser.org || allOrgs[0]?.id || '' };
    void change(async () => {
      const password = await api.adminAddUser(input);
      return { kind: 'password', name: input.name, username: input.username, password };
    }).then((ok) => ok && setNewUser({ name: '', username: '', org: '', role: 'deelnemer' }));
  };

  const label = (action: string, user: AdminUser): string => t('admin.users.actionLabel', { action, name: user.name });

  return (
    <div className="section-page admin-page">
      <PageHeading>{t('sections.admin.title')}</PageHeading>
      <p>{t('admin.intro')}</p>
      <div role="status" aria-live="polite" className="admin-page__outcome">
        {outcome?.kind === 'done' ? <Notice tone="info"><p>{outcome.text}</p></Notice> : null}
        {outcome?.kind === 'password' ? (
          <Notice tone="warning">
            <p>{t('admin.done.initialPassword', { name: outcome.name, username: outcome.username })} <code className="admin-page__password">{outcome.password}</code></p>
            <p>{t('admin.done.initialPasswordNote')}</p>
          </Notice>
        ) : null}
      </div>
      <div role="alert" aria-live="assertive">
        {outcome?.kind === 'error' ? <Notice tone="danger"><p>{t(`admin.errors.${outcome.key}`)}</p></Notice> : null}
      </div>

      <section aria-labelledby="admin-users">
        <h2 id="admin-users">{t('admin.users.title')}</h2>
        <table className="data-table" aria-labelledby="admin-users" aria-busy={users === null || busy || undefined}>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.username')}</th>
              <th scope="col">{t('admin.users.org')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.status')}</th>
              <th scope="col">{t('admin.users.twoFactor')}</th>
              <th scope="col">{t('admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(users ?? []).map((user) => (
              <tr key={user.username}>
                <th scope="row">{user.name}</th>
                <td>{user.username}</td>
                <td>{nameOfOrg(user.org)}</td>
                <td>{t(`admin.roles.${user.role}`)}</td>
                <td>{user.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
                <td>{user.twoFactor ? t('admin.users.enrolled') : t('admin.users.notEnrolled')}</td>
                <td className="admin-page__actions">
                  {user.disabled ? (
                    <Button variant="quiet" disabled={busy} aria-label={label(t('admin.users.enable'), user)}
                      onClick={() => void change(async () => {
                        await api.adminEnable(user.username);
                        return { kind: 'done', text: t('admin.done.enabled', { name: user.name }) };
                      })}>
                      {t('admin.users.enable')}
                    </Button>
                  ) : (
                    <Button variant="quiet" disabled={busy || user.username === me.username} aria-label={label(t('admin.users.disable'), user)}
                      onClick={() => void change(async () => {
                        await api.adminDisable(user.username);
                        return { kind: 'done', text: t('admin.done.disabled', { name: user.name }) };
                      })}>
                      {t('admin.users.disable')}
                    </Button>
                  )}
                  <Button variant="quiet" disabled={busy} aria-label={label(t('admin.users.password'), user)}
                    onClick={() => void change(async () => ({ kind: 'password', name: user.name, username: user.username, password: await api.adminResetPassword(user.username) }))}>
                    {t('admin.users.password')}
                  </Button>
                  <Button variant="quiet" disabled={busy || !user.twoFactor} aria-label={label(t('admin.users.resetTwoFactor'), user)}
                    onClick={() => void change(async () => {
                      await api.adminResetTwoFactor(user.username);
                      return { kind: 'done', text: t('admin.done.twoFactorReset', { name: user.name }) };
                    })}>
                    {t('admin.users.resetTwoFactor')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="admin-add-user">
        <h2 id="admin-add-user">{t('admin.addUser.title')}</h2>
        <form className="admin-page__form" onSubmit={addUser} aria-busy={busy}>
          <TextInput label={t('admin.users.name')} value={newUser.name} onChange={(event) => setNewUser({ ...newUser, name: event.target.value })} required />
          <TextInput label={t('admin.users.username')} value={newUser.username} onChange={(event) => setNewUser({ ...newUser, username: event.target.value })} autoCapitalize="none" spellCheck={false} required />
          <Select label={t('admin.users.org')} value={newUser.org || allOrgs[0]?.id || ''} onChange={(event) => setNewUser({ ...newUser, org: event.target.value })}
            options={allOrgs.map((org) => ({ value: org.id, label: org.name }))} />
          <Select label={t('admin.users.role')} value={newUser.role} onChange={(event) => setNewUser({ ...newUser, role: event.target.value as UserRole })}
            options={roles.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }))} />
          <Button type="submit" variant="primary" icon={<Plus size={18} />} disabled={busy}>{t('admin.addUser.submit')}</Button>
        </form>
      </section>

      <UserEditForm users={users ?? []} orgs={allOrgs} roles={roles} busy={busy} onSave={(user, changes) => change(async () => {
        const changed = await api.adminUpdateUser(user.username, changes);
        return { kind: 'done', text: t(changed.length > 0 ? 'admin.done.userChanged' : 'admin.done.userUnchanged', { name: changes.name }) };
      })} />

      <UserImport orgName={nameOfOrg} onImported={reload} />

      <section aria-labelledby="admin-orgs">
        <h2 id="admin-orgs">{t('admin.orgs.title')}</h2>
        <ul>
          {allOrgs.map((org) => <li key={org.id}>{org.name} <span className="admin-page__id">({org.id})</span></li>)}
        </ul>
        <form className="admin-page__form" onSubmit={addOrg} aria-busy={busy}>
          <TextInput label={t('admin.orgs.id')} hint={t('admin.orgs.idHint')} value={newOrg.id} onChange={(event) => setNewOrg({ ...newOrg, id: event.target.value })} autoCapitalize="none" spellCheck={false} required />
          <TextInput label={t('admin.orgs.name')} value={newOrg.name} onChange={(event) => setNewOrg({ ...newOrg, name: event.target.value })} required />
          <Button type="submit" variant="primary" icon={<Plus size={18} />} disabled={busy}>{t('admin.orgs.submit')}</Button>
        </form>
        <OrgRenameForm orgs={allOrgs} busy={busy} onRename={(id, name) => change(async () => {
          await api.adminRenameOrg(id, name);
          setRenamed((before) => ({ ...before, [id]: name }));
          return { kind: 'done', text: t('admin.done.orgRenamed', { name }) };
        })} />
      </section>

      <OidcBindings orgs={allOrgs} />
    </div>
  );
}
