import { UserMinus, UserPlus } from 'lucide-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import type { Room } from '../../domain/ids';
import { Button, Dialog, Select } from '../../ui';
import { isApiError, useDirectory, useSession, type Access, type Member } from '../session';

type AccessError = 'unreachable' | 'forbidden' | 'unauthorized' | 'not-found' | 'other';

function accessErrorOf(error: unknown): AccessError {
  if (!isApiError(error)) return 'other';
  const known: readonly AccessError[] = ['unreachable', 'forbidden', 'unauthorized', 'not-found'];
  return known.find((code) => code === error.code) ?? 'other';
}

/**
 * "Toegang beheren" (procesregisseur with edit access): the members of the case with
 * their access, changing it, revoking it, and adding partners from the directory. The
 * server decides; this dialog shows what it answered.
 */
export function AccessDialog({ room, open, onClose }: { room: Room; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t('board.access.title')} closeLabel={t('common.close')}>
      {open ? <AccessManager room={room} /> : null}
    </Dialog>
  );
}

function AccessManager({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { api, user: me } = useSession();
  const { users, orgName } = useDirectory();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<AccessError | null>(null);
  const [busy, setBusy] = useState(false);
  const [candidate, setCandidate] = useState('');
  const [newAccess, setNewAccess] = useState<Access>('edit');

  const load = useCallback(async () => {
    try {
      setMembers(await api.members(room));
    } catch (caught) {
      setError(accessErrorOf(caught));
    }
  }, [api, room]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<void>, done: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      useAppStore.getState().announce(done);
      await load();
    } catch (caught) {
      setError(accessErrorOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const memberNames = new Set((members ?? []).map((member) => member.username));
  const candidates = users.filter((user) => !memberNames.has(user.username));
  const accessOptions = [{ value: 'edit', label: t('board.access.edit') }, { value: 'view', label: t('board.access.view') }];
  const nameOf = (username: string): string => users.find((user) => user.username === username)?.name ?? username;

  const grant = (event: FormEvent): void => {
    event.preventDefault();
    if (candidate === '') return;
    const name = nameOf(candidate);
    void act(async () => {
      await api.setMember(room, candidate, newAccess);
      setCandidate('');
    }, t('board.access.granted', { name }));
  };

  return (
    <div className="access-manager" aria-busy={busy}>
      <p className="dialog__intro">{t('board.access.intro')}</p>
      <div role="alert">{error ? <p className="text-danger">{t(`board.access.errors.${error}`)}</p> : null}</div>
      <h3 className="access-manager__heading">{t('board.access.members')}</h3>
      {members === null ? <p role="status">{error ? null : t('board.access.loading')}</p> : (
        <ul className="access-list">
          {members.map((member) => {
            const self = member.username === me.username;
            return (
              <li key={member.username} className="access-list__item">
                <div className="access-list__who">
                  <span className="record__name">{member.name} {self ? <span className="text-muted">{t('board.access.you')}</span> : null}</span>
                  <span className="text-muted">{orgName(member.org)}</span>
                </div>
                {self ? <span className="access-list__access">{accessOptions.find((option) => option.value === member.access)?.label}</span> : (
                  <>
                    <label className="visually-hidden" htmlFor={`access-${member.username}`}>{t('board.access.accessOf', { name: member.name })}</label>
                    <select
                      id={`access-${member.username}`}
                      className="input input--select access-list__select"
                      value={member.access}
                      disabled={busy}
                      onChange={(event) => {
                        const access = event.target.value === 'view' ? 'view' : 'edit';
                        void act(() => api.setMember(room, member.username, access), t('board.access.changed', { name: member.name }));
                      }}
                    >
                      {accessOptions.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
                    </select>
                    <Button variant="quiet" icon={<UserMinus size={16} />} disabled={busy}
                      onClick={() => void act(() => api.removeMember(room, member.username), t('board.access.revoked', { name: member.name }))}>
                      {t('board.access.remove')}<span className="visually-hidden"> {member.name}</span>
                    </Button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="access-manager__heading">{t('board.access.add')}</h3>
      {candidates.length === 0 && members !== null ? <p className="text-muted">{t('board.access.noneLeft')}</p> : (
        <form className="access-manager__add" onSubmit={grant}>
          <Select label={t('board.access.user')} value={candidate} onChange={(event) => setCandidate(event.target.value)}
            options={[{ value: '', label: t('board.access.chooseUser') }, ...candidates.map((user) => ({ value: user.username, label: `${user.name} – ${orgName(user.org)}` }))]} />
          <Select label={t('board.access.access')} value={newAccess} onChange={(event) => setNewAccess(event.target.value === 'view' ? 'view' : 'edit')}
            options={accessOptions} />
          <Button type="submit" variant="primary" icon={<UserPlus size={18} />} disabled={busy || candidate === ''}>{t('board.access.grant')}</Button>
        </form>
      )}
    </div>
  );
}
