import { useState } from 'react';
import type { Preset } from '../../../common/preset.js';
import { presetSummary } from './summary.js';
import { useI18n } from '../i18n.js';
import { Icon } from '../components/Icon.js';

export interface PresetListProps {
  presets: readonly Preset[];
  defaultPresetId: string | undefined;
  selectedId: string | undefined;
  busy: readonly string[];
  onSelect: (id: string) => void;
  onMove: (id: string, toIndex: number) => void;
  onDuplicate: (id: string) => void;
  onDelete: (id: string) => void;
  onSetDefault: (id: string) => void;
}

/** The presets in the user's order: drag to reorder, or use the move buttons from the keyboard. */
export function PresetList(props: PresetListProps) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState<string>();
  const [over, setOver] = useState<number>();
  const last = props.presets.length - 1;

  return (
    <ol className="preset-list" aria-label={t('presets.listLabel')}>
      {props.presets.map((preset, index) => {
        const isDefault = preset.id === props.defaultPresetId;
        const selected = preset.id === props.selectedId;
        return (
          <li
            key={preset.id}
            data-testid={`preset-${preset.id}`}
            className={[selected ? 'selected' : '', over === index && dragging ? 'drop-target' : ''].join(' ').trim() || undefined}
            draggable
            onDragStart={(event) => {
              setDragging(preset.id);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', preset.id);
            }}
            onDragOver={(event) => {
              event.preventDefault();
              setOver(index);
            }}
            onDragEnd={() => {
              setDragging(undefined);
              setOver(undefined);
            }}
            onDrop={(event) => {
              event.preventDefault();
              const id = event.dataTransfer.getData('text/plain') || dragging;
              if (id && id !== preset.id) props.onMove(id, index);
              setDragging(undefined);
              setOver(undefined);
            }}
          >
            <span className="drag-handle" aria-hidden="true">
              ⠿
            </span>
            <button
              type="button"
              className="preset-name"
              aria-current={selected ? 'true' : undefined}
              onClick={() => props.onSelect(preset.id)}
            >
              <span className="title">
                <span className="label">{preset.name}</span>
                {isDefault && <span className="badge">{t('presets.default')}</span>}
                {props.busy.includes(preset.id) && <span className="badge busy">{t('tray.starting')}</span>}
              </span>
              <span className="summary">{presetSummary(preset, t)}</span>
            </button>
            <span className="row-actions">
              <button
                type="button"
                className="icon"
                onClick={() => props.onMove(preset.id, index - 1)}
                disabled={index === 0}
                aria-label={t('presets.moveUp', { name: preset.name })}
                title={t('presets.moveUp', { name: preset.name })}
              >
                <Icon name="up" />
              </button>
              <button
                type="button"
                className="icon"
                onClick={() => props.onMove(preset.id, index + 1)}
                disabled={index === last}
                aria-label={t('presets.moveDown', { name: preset.name })}
                title={t('presets.moveDown', { name: preset.name })}
              >
                <Icon name="down" />
              </button>
              <button
                type="button"
                className="icon"
                onClick={() => props.onSetDefault(preset.id)}
                aria-pressed={isDefault}
                aria-label={t('presets.makeDefault', { name: preset.name })}
                title={t('presets.makeDefault', { name: preset.name })}
              >
                <Icon name="star" filled={isDefault} />
              </button>
              <button
                type="button"
                className="icon"
                onClick={() => props.onDuplicate(preset.id)}
                aria-label={t('presets.duplicate', { name: preset.name })}
                title={t('presets.duplicate', { name: preset.name })}
              >
                <Icon name="copy" />
              </button>
              <button
                type="button"
                className="icon danger"
                onClick={() => props.onDelete(preset.id)}
                aria-label={t('presets.delete', { name: preset.name })}
                title={t('presets.delete', { name: preset.name })}
              >
                <Icon name="delete" />
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
