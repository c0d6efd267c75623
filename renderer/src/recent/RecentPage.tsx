import { useCallback, useRef, useState } from 'react';
import type { Command } from '../../../common/commands.js';
import { groupMeetingId } from '../../../common/format.js';
import type { WindowSnapshot } from '../../../common/window-state.js';
import { useToast } from '../components/Toast.js';
import { useI18n } from '../i18n.js';
import { useAct } from '../ipc.js';
import { say } from '../messages.js';
import type { RecentMeeting } from '../../../common/recent.js';
import { ParticipantsDialog } from './ParticipantsDialog.js';
import { PendingChecks } from './PendingChecks.js';
import { ResizeDialog } from './ResizeDialog.js';
import { RecentCard } from './RecentCard.js';
import { useDayClock } from './use-day-clock.js';
import './recent.css';

/** What a command is about, so that one in flight keeps a second one on the same thing from starting. */
const subjectOf = (command: Command): string =>
  'meetingId' in command ? command.meetingId : 'checkId' in command ? command.checkId : command.type;

/**
 * The recent meetings, newest first, with the tray's actions; above them, the starts that may have
 * created a meeting, each with its "was it created?" check.
 */
export function RecentPage({ snapshot }: { snapshot: WindowSnapshot }) {
  const { t } = useI18n();
  const toast = useToast();
  const act = useAct();
  const now = useDayClock();
  const heading = useRef<HTMLHeadingElement>(null);
  // Read synchronously, so that a double click cannot slip a second command in before React renders.
  const inFlight = useRef(new Set<string>());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [resizing, setResizing] = useState<RecentMeeting>();
  const [showingWho, setShowingWho] = useState<RecentMeeting>();
  const sizes = Object.entries(snapshot.licence?.capacity ?? {})
    .filter(([size, rooms]) => Number(size) > 0 && rooms > 0)
    .map(([size]) => Number(size))
    .sort((a, b) => a - b);

  /**
   * Runs a command, one at a time per meeting (or check): a second click on "Open as host" while
   * the host link is fetched, or on "End meeting…" while main's dialog asks, is ignored. Nothing is
   * disabled meanwhile: a control that disables itself under the focus drops the focus to the page.
   */
  const run = useCallback(
    async (command: Command) => {
      const subject = subjectOf(command);
      if (inFlight.current.has(subject)) return;
      inFlight.current.add(subject);
      setBusy(new Set(inFlight.current));
      try {
        const done = await act(window.umeet.run(command));
        // Say what is on the clipboard now: with several meetings and four things to copy, "Copied" was not enough.
        if (done && command.type === 'copy') {
          toast({ message: say(`recent.copied.${command.what}`, { id: groupMeetingId(command.meetingId) }), tone: 'info' });
        }
        if (done && command.type === 'resize-meeting') {
          const topic = snapshot.recent.find((m) => m.meetingId === command.meetingId)?.topic ?? '';
          toast({ message: say('recent.resized', { topic, capacity: command.capacity }), tone: 'info' });
        }
      } finally {
        inFlight.current.delete(subject);
        setBusy(new Set(inFlight.current));
      }
    },
    [act, toast, snapshot.recent],
  );

  return (
    <section className="recent-page" aria-labelledby="recent-heading">
      <h2 id="recent-heading" ref={heading} tabIndex={-1}>
        {t('tray.recent')}
      </h2>
      <PendingChecks checks={snapshot.pendingChecks} run={run} busy={busy} fallback={heading} />
      {snapshot.recent.length === 0 ? (
        <p className="recent-empty">{t('tray.recentEmpty')}</p>
      ) : (
        <ul className="recent-cards">
          {snapshot.recent.map((meeting) => (
            <RecentCard
              key={meeting.meetingId}
              meeting={meeting}
              now={now}
              run={run}
              busy={busy.has(meeting.meetingId)}
              sizes={sizes}
              onResize={setResizing}
              onParticipants={setShowingWho}
            />
          ))}
        </ul>
      )}
      <ResizeDialog
        meeting={resizing}
        sizes={sizes}
        onCancel={() => setResizing(undefined)}
        onResize={(meeting, capacity) => {
          setResizing(undefined);
          void run({ type: 'resize-meeting', meetingId: meeting.meetingId, capacity });
        }}
      />
      <ParticipantsDialog meeting={showingWho} onClose={() => setShowingWho(undefined)} />
    </section>
  );
}
