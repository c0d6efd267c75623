import type { UseFormRegister } from 'react-hook-form';
import type { MessageKey } from '../../../common/i18n/index.js';
import { Segmented } from '../components/Segmented.js';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';
import { triStateFields, type PresetFormValues, type TriStateField } from './preset-form.js';
import { optionsSummary } from './summary.js';

const labels: Record<TriStateField, MessageKey> = {
  joinBeforeHost: 'editor.joinBeforeHost',
  muteOnEntry: 'editor.muteOnEntry',
  hostVideo: 'editor.hostVideo',
  participantsVideo: 'editor.participantsVideo',
  usePmi: 'editor.usePmi',
  liveStreaming: 'editor.liveStreaming',
};

/**
 * The meeting options, folded under a line that says what they amount to ("All service defaults",
 * "Muted on entry, host video on"): most presets leave them all to the service, and seven full
 * drop-downs would push Save off the screen. `fields`: the on/off options the call takes (the schedule
 * form's has no join-before-host).
 */
export function MeetingOptions({
  values,
  register,
  fields = triStateFields,
}: {
  values: PresetFormValues;
  register: UseFormRegister<PresetFormValues>;
  fields?: readonly TriStateField[];
}) {
  const { t } = useI18n();
  // Unfolded or not as the user left it, for every preset alike.
  const { view, setView } = useSession();
  const triState = [
    { value: '', label: t('editor.default') },
    { value: 'true', label: t('editor.on') },
    { value: 'false', label: t('editor.off') },
  ];
  return (
    <details
      className="options"
      open={view['editor.options'] === true}
      onToggle={(event) => setView('editor.options', event.currentTarget.open || undefined)}
    >
      <summary>
        <span className="options-title">{t('editor.options')}</span>
        <span className="options-summary" data-testid="options-summary">
          {optionsSummary(values, t)}
        </span>
      </summary>
      <p className="hint">{t('editor.optionsHint')}</p>
      {fields.map((field) => (
        <Segmented key={field} label={t(labels[field])} options={triState} field={register(field)} />
      ))}
      <Segmented
        label={t('editor.recording')}
        options={[
          { value: '', label: t('editor.default') },
          { value: 'cloud', label: t('editor.recordingCloud') },
          { value: 'none', label: t('editor.recordingNone') },
        ]}
        field={register('recording')}
      />
    </details>
  );
}
