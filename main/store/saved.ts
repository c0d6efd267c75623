import type { Translate } from '../../common/i18n/index.js';
import type { Result } from '../../common/result.js';
import type { AppStore } from './app-store.js';
import { saveProblemText } from './notice-text.js';

/**
 * A change answered to a person waits for its write first, so the answer can say when it did not
 * reach the disk (the change is made and kept in memory; it is written at the next save that works).
 */
export async function settled<T>(store: Pick<AppStore, 'saved'>, answer: Result<T>, t: () => Translate): Promise<Result<T>> {
  if (!answer.ok) return answer;
  const problem = await store.saved();
  return problem ? { ...answer, notSaved: saveProblemText(problem, t()) } : answer;
}
