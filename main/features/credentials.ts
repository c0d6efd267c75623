import {
  SaveCredentialsRequest,
  SERVICE_MESSAGE_MAX,
  type SaveCredentialsOutcome,
  type Verification,
  type VaultStatus,
} from '../../common/credentials.js';
import { checkedParse, fail, invalid, ok, toResult, type Result } from '../../common/result.js';
import type { ApiFailure, Licence } from '../../common/umeet-api.js';
import { checkFailureText } from '../../core/meetings/failure-text.js';
import { createLicenceCache } from '../meetings/licence-cache.js';
import { settled } from '../store/saved.js';
import type { ProxyPassword } from '../vault/proxy-password.js';
import type { Vault } from '../vault/vault.js';
import type { AppContext, Feature } from './feature.js';

/**
 * The credentials, which count once the service accepted them (docs/architecture.md): saved and verified,
 * verified again, cleared; the service's verdict on every answer about the saved pair; the licence they
 * bring; and the proxy's password, a secret kept the same way. The vault and the proxy password are made
 * before the features (the API clients read them); this is what the user can do with them.
 */
export function credentialsFeature(ctx: AppContext, deps: { vault: Vault; proxyPassword: ProxyPassword }) {
  const { store, api, t, now } = ctx;
  const { vault, proxyPassword } = deps;
  const licence = createLicenceCache();
  licence.onChange(ctx.changed);

  /** What an answer of the service says of the credentials it was sent with; nothing for a failure that is not about them. */
  const verdictOf = (answer: { ok: true } | { ok: false; failure: ApiFailure }): Verification | undefined =>
    answer.ok
      ? { state: 'verified', at: now().toISOString() }
      : answer.failure.kind === 'auth'
        ? { state: 'refused', at: now().toISOString(), serviceMessage: answer.failure.message.slice(0, SERVICE_MESSAGE_MAX) }
        : undefined;

  /** The licence of credentials the service accepted: the capacity choices, the first-run preset's size. */
  const adoptLicence = (value: Licence) => {
    licence.remember(value);
    store.adoptLicence(value);
  };

  /** Asks the service about the saved credentials (Verify, and once at start) and records its verdict; a refusal keeps the pair. */
  const verifyCredentials = async (): Promise<Result<Licence>> => {
    const inUse = await vault.get();
    if (!inUse) return fail('failed', t()(vault.status().locked ? 'meeting.locked' : 'meeting.noCredentials'));
    const answer = await (await api.background()).licensing();
    const verdict = verdictOf(answer);
    if (verdict) vault.mark(inUse, verdict);
    if (!answer.ok) return fail('failed', checkFailureText(answer.failure, t()));
    adoptLicence(answer.value);
    return ok(answer.value);
  };

  /**
   * With `check` (the default) the pair typed is asked about first, on a client of its own, and stored only
   * if accepted; a refusal or a failure stores nothing, so the pair saved before stays in use. Without
   * `check` ("Save without checking" after a failure) it is stored as unchecked.
   */
  const saveCredentials = async (request: SaveCredentialsRequest): Promise<Result<SaveCredentialsOutcome>> => {
    // Checked here too: the e2e hooks and the tests call it without the IPC contract in front.
    const parsed = checkedParse(SaveCredentialsRequest, request);
    if (!parsed.ok) return invalid(parsed.fields, t());
    const { check = true, ...candidate } = parsed.value;
    const keep = async (verdict?: Verification) => toResult(await vault.set(candidate, verdict), t());
    if (!check) {
      const stored = await keep();
      return settled(store, stored.ok ? ok({ outcome: 'saved', status: stored.value }) : stored, t);
    }
    const answer = await api.withCandidate(candidate, (client) => client.licensing());
    if (answer.ok) {
      const stored = await keep(verdictOf(answer));
      if (!stored.ok) return stored;
      adoptLicence(answer.value);
      return settled(store, ok({ outcome: 'verified', status: stored.value, licence: answer.value }), t);
    }
    const message = checkFailureText(answer.failure, t());
    if (answer.failure.kind === 'auth') {
      const serviceMessage = answer.failure.message.slice(0, SERVICE_MESSAGE_MAX);
      return ok({ outcome: 'refused', status: vault.status(), message, serviceMessage });
    }
    return ok({ outcome: 'unchecked', status: vault.status(), message });
  };

  return {
    /**
     * Records what an answer about the pair `inUse` said of it (a create from the click path is a check
     * too): the tray's "refused" line goes as soon as a click works again.
     */
    markAnswer(inUse: Awaited<ReturnType<Vault['get']>>, answer: { ok: true } | { ok: false; failure: ApiFailure }): void {
      const verdict = verdictOf(answer);
      if (inUse && verdict) vault.mark(inUse, verdict);
    },
    feature: {
      state: () => ({ credentials: vault.status(), proxyPassword: proxyPassword.state(), licence: licence.current() }),
      ipc: {
        saveCredentials,
        verifyCredentials,
        clearCredentials: async (): Promise<Result<VaultStatus>> => {
          vault.clear();
          return settled(store, ok(vault.status()), t);
        },
        setProxyPassword: async (request: { password: string | null }): Promise<Result<Record<string, never>>> => {
          await proxyPassword.set(request.password);
          return settled(store, ok({}), t);
        },
      },
      // Where credentials may be kept follows the setting (the user's, or the policy's).
      onSettings: async (before, after) => {
        if (before.allowWeakCredentialStorage !== after.allowWeakCredentialStorage) await vault.applyPolicy();
      },
      // With credentials, learn the licence (the capacity choices, the first-run preset's size).
      begin: () =>
        void vault.get().then(async (credentials) => {
          if (credentials) await verifyCredentials();
        }),
    } satisfies Feature<'credentials' | 'proxyPassword' | 'licence'>,
  };
}
