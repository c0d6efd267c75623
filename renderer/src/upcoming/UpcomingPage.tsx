import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScheduledAction } from '../../../common/commands.js';
import type { UpcomingMeeting } from '../../../common/scheduled.js';
import type { WindowSnapshot } from '../../../common/window-state.js';
import { useToast } from '../components/Toast.js';
import { useI18n } from '../i18n.js';
import { ask, useAct } from '../ipc.js';
import { told } from '../messages.js';
import { licensedSizes } from '../presets/preset-form.js';
import { useSession, type ScheduleIntent } from '../session.js';
import { ScheduleForm } from './ScheduleForm.js';
import { UpcomingCard } from './UpcomingCard.js';
import { fromBooking, fromListed, fromNothing, fromPreset, type ScheduleFormValues } from './schedule-form.js';
import './upcoming.css';

/** A card: one meeting, or every meeting booked one by one for a series (shown, and cancelled, as one). */
type Card = { meeting: UpcomingMeeting; members: UpcomingMeeting[] };

/** The list as cards, soonest first: a group's card where its soonest meeting would be. */
function cardsOf(meetings: readonly UpcomingMeeting[]): Card[] {
  const cards: Card[] = [];
  const groups = new Map<string, Card>();
  for (const meeting of meetings) {
    const groupId = meeting.group?.id;
    const card = groupId ? groups.get(groupId) : undefined;
    if (card) card.members.push(meeting);
    else {
      const made = { meeting, members: [meeting] };
      cards.push(made);
      if (groupId) groups.set(groupId, made);
    }
  }
  return cards;
}

/** The form: what it opened on (`values`), what for, and an unfinished edit of it (`draft`, kept by the session). */
type FormState = {
  values: ScheduleFormValues;
  editing?: { meetingId: string; topic: string };
  presetName?: string;
  draft?: ScheduleFormValues;
};

/**
 * The meetings booked for later (the service's list, every page, not started yet), by start, on the
 * local clock; each with Edit, Cancel…, Copy invitation, Add to calendar and Save .ics…. Read when the
 * section opens and after every change. The schedule form opens here, in place of the list.
 */
export function UpcomingPage({ snapshot }: { snapshot: WindowSnapshot }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const act = useAct();
  // The meetings come with main's state (snapshot.upcoming), which follows every change (stateChanged); the
  // section asks for a fresh read when it opens, and says so while it waits, or why it failed.
  const [reading, setReading] = useState<{ state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string }>({
    state: 'loading',
  });
  const list: { state: 'loading' } | { state: 'ready'; meetings: readonly UpcomingMeeting[] } | { state: 'failed'; message: string } =
    reading.state === 'ready' ? { state: 'ready', meetings: snapshot.upcoming } : reading;
  const { drafts, setDraft, takeScheduleIntent, showSection } = useSession();
  // Without credentials there is nothing to read: the page says where to set them up, not the client's refusal.
  const signedIn = snapshot.credentials.configured && !snapshot.credentials.locked;
  const smallestSize = licensedSizes(snapshot.licence)[0]?.size ?? snapshot.presets[0]?.capacity ?? 10;
  // "Schedule…" on a preset opened this section: the form, filled from it, at once. Else a form left
  // unfinished (another section, a window made afresh) comes back as it was.
  const [form, setForm] = useState<FormState | undefined>(() => {
    const intent = takeScheduleIntent();
    if (intent?.from === 'preset') return { values: fromPreset(intent.preset, new Date()), presetName: intent.preset.name };
    if (intent?.from === 'blank') return { values: fromNothing(new Date(), smallestSize) };
    return drafts.upcoming as FormState | undefined;
  });
  const opened = form ? JSON.stringify({ values: form.values, editing: form.editing, presetName: form.presetName }) : '';
  const keepDraft = useCallback(
    (draft: ScheduleFormValues | undefined) =>
      setDraft('upcoming', draft && opened ? { ...(JSON.parse(opened) as FormState), draft } : undefined),
    [opened, setDraft],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const smallest = smallestSize;

  const read = useCallback(
    () =>
      ask(window.umeet.upcoming(), t).then((answer) =>
        setReading(answer.ok ? { state: 'ready' } : { state: 'failed', message: answer.error.message }),
      ),
    [t],
  );
  useEffect(() => {
    if (signedIn) void read();
  }, [read, signedIn]);

  /** Fix on a card: the series sent again numbered the other way, or kept as booked. */
  const fixSeries = async (meeting: UpcomingMeeting, accept: boolean) => {
    const answer = await ask(window.umeet.fixSeries({ meetingId: meeting.meetingId, ...(accept ? { accept: true as const } : {}) }), t);
    if (!answer.ok) toast({ message: told(answer.error.message, locale), tone: 'error' });
    else if (answer.value.mismatch) toast({ message: told(t('schedule.stillMismatch'), locale), tone: 'error' });
    else toast({ message: told(t(accept ? 'schedule.acceptedShort' : 'schedule.fixed'), locale), tone: 'info' });
    await read();
  };

  const open = useCallback(
    async (next: ScheduleIntent, meetings: readonly UpcomingMeeting[]) => {
      const now = new Date();
      if (next.from === 'blank') setForm({ values: fromNothing(now, smallest) });
      else if (next.from === 'preset') setForm({ values: fromPreset(next.preset, now), presetName: next.preset.name });
      else {
        const listed = meetings.find((m) => m.meetingId === next.meetingId);
        const kept = await ask(window.umeet.booking({ meetingId: next.meetingId }), t);
        const values =
          kept.ok && kept.value.kept
            ? fromBooking(
                {
                  ...kept.value.kept.request,
                  ...(listed ? { start: listed.start, duration: listed.duration, topic: listed.topic } : {}),
                },
                now,
              )
            : fromListed(
                listed ?? { topic: '', start: now.toISOString(), duration: 60 },
                now,
                listed?.capacity ?? smallest,
                kept.ok ? kept.value.service : undefined,
              );
        setForm({ values, editing: { meetingId: next.meetingId, topic: listed?.topic ?? values.topic } });
      }
    },
    [smallest, t],
  );

  const run = async (meeting: UpcomingMeeting, action: ScheduledAction) => {
    const done = await act(window.umeet.run({ type: 'scheduled', meetingId: meeting.meetingId, action }));
    if (!done) return;
    const message =
      action === 'copy-invitation'
        ? t('upcoming.copied')
        : action === 'add-to-calendar'
          ? t('upcoming.calendarOpened')
          : action === 'cancel'
            ? t('upcoming.cancelled', { topic: meeting.topic })
            : action === 'open-host'
              ? t('upcoming.hostOpened')
              : undefined;
    if (message) toast({ message: told(message, locale), tone: 'info' });
    if (action === 'cancel') {
      await read();
      heading.current?.focus();
    }
  };

  if (form) {
    return (
      <ScheduleForm
        key={form.editing?.meetingId ?? 'new'}
        initial={form.values}
        draft={form.draft}
        editing={form.editing}
        presetName={form.presetName}
        licence={snapshot.licence}
        onDraft={keepDraft}
        onDone={() => {
          setDraft('upcoming', undefined);
          setForm(undefined);
          void read();
        }}
        onCalendar={(meetingId, action) => {
          const listed = list.state === 'ready' ? list.meetings.find((m) => m.meetingId === meetingId) : undefined;
          void run(listed ?? { meetingId, topic: '', start: new Date().toISOString(), duration: 60, booked: true }, action);
        }}
      />
    );
  }

  return (
    <section className="upcoming-page" aria-labelledby="upcoming-heading">
      <div className="upcoming-header">
        <h2 id="upcoming-heading" ref={heading} tabIndex={-1}>
          {t('upcoming.title')}
        </h2>
        <button type="button" className="primary" id="upcoming-schedule" onClick={() => void open({ from: 'blank' }, [])}>
          {t('upcoming.schedule')}
        </button>
      </div>
      {!signedIn && (
        <div className="banner info" data-testid="upcoming-no-credentials">
          <p>{t('upcoming.needCredentials')}</p>
          <button type="button" className="primary" onClick={() => showSection('settings')}>
            {t('upcoming.openSettings')}
          </button>
        </div>
      )}
      {signedIn && list.state === 'loading' && <p role="status">{t('upcoming.loading')}</p>}
      {signedIn && list.state === 'failed' && (
        <div className="banner error" role="alert" data-testid="upcoming-failed">
          <p>{list.message}</p>
          <button
            type="button"
            onClick={() => {
              setReading({ state: 'loading' });
              void read();
            }}
          >
            {t('upcoming.retry')}
          </button>
        </div>
      )}
      {signedIn && list.state === 'ready' && list.meetings.length === 0 && <p className="recent-empty">{t('upcoming.empty')}</p>}
      {signedIn && list.state === 'ready' && list.meetings.length > 0 && (
        <ul className="upcoming-list" data-testid="upcoming-list">
          {cardsOf(list.meetings).map(({ meeting, members }) => (
            <UpcomingCard
              key={meeting.meetingId}
              meeting={meeting}
              members={members}
              onEdit={() => void open({ from: 'meeting', meetingId: meeting.meetingId }, list.meetings)}
              onRun={(action) => void run(meeting, action)}
              onFix={(accept) => void fixSeries(meeting, accept)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
