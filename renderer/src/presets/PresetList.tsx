import { useState, type KeyboardEvent } from 'react';
import type { Preset } from '../../../common/preset.js';
import { useI18n } from '../i18n.js';
import { useScrollMemory } from '../session.js';
import { presetSummary } from './summary.js';

/** A row of the list: a saved preset, or the new one not saved yet (`id` NEW_PRESET). */
export interface PresetRow {
  id: string;
  name: string;
  preset?: Preset;
}

export interface PresetListProps {
  rows: readonly PresetRow[];
  defaultPresetId: string | undefined;
  /** The company's presets (a policy): first, marked, not moved or deleted. */
  companyIds?: ReadonlySet<string>;
  selectedId: string | undefined;
  busy: readonly string[];
  /** Ids with unsaved changes. */
  unsaved: ReadonlySet<string>;
  onSelect: (id: string) => void;
  /** Enter on a row: go and edit it. */
  onOpen: (id: string) => void;
  onMove: (id: string, toIndex: number) => void;
  onDelete: (id: string) => void;
  /** Delete on a company preset: told why nothing happened. */
  onRefused?: (id: string) => void;
  /** Free rooms for each preset now, once read. */
  roomsFree?: Readonly<Record<string, { free: number }>>;
}

export const rowId = (id: string) => `preset-row-${id}`;

/**
 * The presets in the tray's order, as one listbox: one tab stop; ↑/↓/Home/End choose, Enter edits,
 * Alt+↑/↓ move the chosen preset, Delete deletes it. Rows can be dragged too. The other actions are
 * in the preset's menu in the editor's header.
 */
export function PresetList(props: PresetListProps) {
  const { t } = useI18n();
  const list = useScrollMemory<HTMLUListElement>('presets');
  const [dragging, setDragging] = useState<string>();
  const [over, setOver] = useState<number>();
  const { rows } = props;
  const savedCount = rows.filter((row) => row.preset).length;
  const company = (id: string) => props.companyIds?.has(id) === true;
  const companyCount = props.companyIds?.size ?? 0;
  const active = rows.some((row) => row.id === props.selectedId) ? props.selectedId : rows[0]?.id;

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = rows.findIndex((row) => row.id === active);
    const row = rows[index];
    if (!row) return;
    const choose = (to: number) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (!target) return;
      props.onSelect(target.id);
      document.getElementById(rowId(target.id))?.focus();
    };
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const to = index + (event.key === 'ArrowUp' ? -1 : 1);
      if (row.preset && !company(row.id) && to >= companyCount && to < savedCount) props.onMove(row.id, to);
      return;
    }
    const moves: Record<string, number> = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: rows.length - 1 };
    if (event.key in moves && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      choose(moves[event.key] ?? 0);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onOpen(row.id);
    } else if (event.key === 'Delete' || (event.key === 'Backspace' && event.metaKey)) {
      event.preventDefault();
      if (!company(row.id)) props.onDelete(row.id);
      // A company preset is not deleted, and Delete says so rather than doing nothing.
      else props.onRefused?.(row.id);
    }
  };

  return (
    <ul
      ref={list}
      className="preset-list"
      role="listbox"
      aria-label={t('presets.listLabel')}
      aria-describedby="preset-list-keys"
      onKeyDown={onKeyDown}
    >
      {rows.map((row, index) => {
        const isDefault = row.id === props.defaultPresetId;
        const selected = row.id === props.selectedId;
        const unsaved = props.unsaved.has(row.id);
        const canDrag = Boolean(row.preset) && !company(row.id);
        return (
          <li
            key={row.id}
            id={rowId(row.id)}
            role="option"
            aria-selected={selected}
            tabIndex={row.id === active ? 0 : -1}
            title={row.name}
            data-testid={`preset-${row.id}`}
            className={[selected ? 'selected' : '', over === index && dragging ? 'drop-target' : ''].join(' ').trim() || undefined}
            onClick={() => props.onOpen(row.id)}
            draggable={canDrag}
            onDragStart={(event) => {
              setDragging(row.id);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', row.id);
            }}
            onDragOver={(event) => {
              if (!canDrag) return;
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
              if (id && id !== row.id && canDrag) props.onMove(id, index);
              setDragging(undefined);
              setOver(undefined);
            }}
          >
            <span className="title">
              <span className="label">{row.name}</span>
              {isDefault && <span className="badge">{t('presets.default')}</span>}
              {company(row.id) && <span className="badge company">{t('policy.companyBadge')}</span>}
              {props.busy.includes(row.id) && <span className="badge busy">{t('tray.starting')}</span>}
              {unsaved && (
                <span className="badge unsaved" aria-label={t('editor.unsaved')}>
                  {row.preset ? t('editor.unsavedShort') : t('editor.notSavedYet')}
                </span>
              )}
            </span>
            {row.preset && <span className="summary">{presetSummary(row.preset, t, props.roomsFree?.[row.id])}</span>}
          </li>
        );
      })}
    </ul>
  );
}
