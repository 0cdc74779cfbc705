import { renderToString } from 'preact-render-to-string';
import { StatusResult } from '../../islands/StatusResult.tsx';
import type { Credentials } from '../../schemas/message.ts';
import type { StatusAnswer } from '../../schemas/status.ts';
import { errorMessage } from '../http/errors.ts';

/**
 * What the status page shows without JavaScript when opened by a personal link: the same
 * component the island draws, rendered here into the page's <noscript>.
 */
export const renderStatusSlot = (answer: StatusAnswer, credentials: Credentials): string =>
  renderToString(<StatusResult answer={answer} credentials={credentials} />);

/** A personal link that no longer opens anything (erased, or mistyped). */
export const renderExpiredLinkSlot = (): string =>
  renderToString(
    <div class="error-summary" role="alert">
      <p>{errorMessage('link_expired', 'id')}</p>
    </div>,
  );
