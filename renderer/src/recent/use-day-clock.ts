import { useEffect, useState } from 'react';
import { untilNextDay } from '../../../common/relative-day.js';

/**
 * The time now, renewed at each local midnight: a window left open overnight turns "today 09:30"
 * into "yesterday 09:30" without waiting for the next change of state.
 */
export function useDayClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    // A second past midnight, so that the new day has surely begun when it fires.
    const timer = setTimeout(() => setNow(new Date()), untilNextDay(now) + 1000);
    return () => clearTimeout(timer);
  }, [now]);
  return now;
}
