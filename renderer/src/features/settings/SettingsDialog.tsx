import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import type { Language } from '../../i18n';
import { useI18n, useT } from '../../i18n';
import { useAppStore } from '../../stores/app';
import type { Theme } from '../../stores/settings';
import { useSettings } from '../../stores/settings';
import { UnblockSteps } from '../notifications/UnblockSteps';
import { SoundSettings } from '../notifications/SoundSettings';
import { AboutPanel } from '../shell/AboutPanel';
import { AiSettingsSection } from '../ai/settings';
import { AuditLog } from '../audit';
import { BackupPanel } from '../backup';
import { AutomationSection } from '../automation';
import { SecurityPanel } from '../security';
import { TagsSettings } from '../tags';
import { ApiKeys } from '../integrations';
import { WebhooksPanel } from '../webhooks';
import { CloudNumbersPanel } from '../cloud';
import { MembersAdmin, TeamView, WorkspacePanel } from '../team';
import { TwoStepSection } from '../security/mfa';
import { TeamRules } from '../handover';
import { DesktopPanel } from './DesktopPanel';
import { TemplatesEditor } from './TemplatesEditor';

const THEMES: readonly Theme[] = ['light', 'dark', 'system'];

/** Theme, language, notifications, send key, agent name and the data folder. */
export function SettingsDialog({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const s = useSettings();
  const language = useI18n(x => x.language);
  const info = useAppStore(x => x.info);
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  const ask = async () => {
    if (typeof Notification === 'undefined') return;
    setPermission(await Notification.requestPermission());
  };

  return (
    <Dialog title={t('settings.title')} onClose={onClose} className="settings">
      <div className="form">
        <fieldset>
          <legend>{t('settings.theme')}</legend>
          {THEMES.map(theme => (
            <label key={theme} className="inline">
              <input type="radio" name="theme" checked={s.theme === theme} onChange={() => s.setTheme(theme)} />
              {t(`settings.theme.${theme}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('settings.language')}
          <select value={language} onChange={e => s.setLanguage(e.target.value as Language)}>
            <option value="en">English</option>
            <option value="id">Bahasa Indonesia</option>
          </select>
        </label>
        <fieldset>
          <legend>{t('settings.notifications')}</legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={s.notify.enabled}
              onChange={e => s.setNotify({ enabled: e.target.checked })}
            />
            {t('settings.notify.enabled')}
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={s.notify.onlyMineOrUnassigned}
              onChange={e => s.setNotify({ onlyMineOrUnassigned: e.target.checked })}
            />
            {t('settings.notify.mine')}
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={s.notify.showPreview}
              onChange={e => s.setNotify({ showPreview: e.target.checked })}
            />
            {t('settings.notify.preview')}
          </label>
          <p className="small muted">
            {t(`settings.notify.permission.${permission}`)}{' '}
            {permission === 'default' && (
              <button type="button" onClick={() => void ask()}>
                {t('settings.notify.allow')}
              </button>
            )}
          </p>
          {permission === 'denied' && <UnblockSteps />}
          <p className="small muted">{t('settings.notify.muteHint')}</p>
          <SoundSettings />
        </fieldset>
        <fieldset>
          <legend>{t('settings.sendKey')}</legend>
          <label className="inline">
            <input type="radio" name="sendKey" checked={s.sendKey === 'enter'} onChange={() => s.setSendKey('enter')} />
            {t('settings.sendKey.enter')}
          </label>
          <label className="inline">
            <input
              type="radio"
              name="sendKey"
              checked={s.sendKey === 'ctrlEnter'}
              onChange={() => s.setSendKey('ctrlEnter')}
            />
            {t('settings.sendKey.ctrlEnter')}
          </label>
        </fieldset>
        <label>
          {t('settings.agentName')}
          <input value={s.agentName} onChange={e => s.setAgentName(e.target.value)} maxLength={100} />
        </label>
      </div>
      <DesktopPanel />
      <WorkspacePanel />
      <SecurityPanel />
      <TwoStepSection />
      <TeamView />
      <TeamRules />
      <MembersAdmin />
      <AuditLog />
      <WebhooksPanel />
      <CloudNumbersPanel />
      <AiSettingsSection />
      <AutomationSection />
      <TemplatesEditor />
      <TagsSettings />
      <BackupPanel />
      <ApiKeys />
      {info && <AboutPanel info={info} />}
    </Dialog>
  );
}
