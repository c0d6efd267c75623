import type { WindowSnapshot } from '../../../common/window-state.js';
import { useI18n } from '../i18n.js';
import { ask } from '../ipc.js';
import { CredentialsSection } from './CredentialsSection.js';
import { GeneralSection } from './GeneralSection.js';
import { PolicySection } from './Managed.js';

export function SettingsPage({ snapshot }: { snapshot: WindowSnapshot }) {
  const { t } = useI18n();
  return (
    <div className="settings-page">
      <PolicySection policy={snapshot.policy} />
      <CredentialsSection
        status={snapshot.credentials}
        licence={snapshot.licence}
        weakStorageAllowed={snapshot.settings.allowWeakCredentialStorage}
        weakStorageLocked={snapshot.policy.locked.includes('allowWeakCredentialStorage')}
        onWeakStorage={(allowed) => void ask(window.umeet.updateSettings({ allowWeakCredentialStorage: allowed }), t)}
      />
      <GeneralSection
        settings={snapshot.settings}
        startAtLogin={snapshot.startAtLogin}
        policy={snapshot.policy}
        proxyPassword={snapshot.proxyPassword}
        updateLine={snapshot.updateLine}
        onStartAtLogin={(enabled) => void ask(window.umeet.run({ type: 'set-start-at-login', enabled }), t)}
        onOpenLogFolder={() => void ask(window.umeet.run({ type: 'open-log-folder' }), t)}
      />
    </div>
  );
}
