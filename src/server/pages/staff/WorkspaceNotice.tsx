import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { WorkspaceShell, type Signed } from './WorkspaceShell.tsx';

interface Props {
  look: PageLook;
  signed: Signed | null;
  title: string;
  message: string;
  back: { href: string; label: string };
}

/** A whole-page answer in the workspace: refused, not found, too many attempts. */
export function WorkspaceNotice({ look, signed, title, message, back }: Props) {
  return (
    <WorkspaceShell title={title} look={look} signed={signed}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
    </WorkspaceShell>
  );
}

export const renderWorkspaceNotice = (props: Props) => renderPage(<WorkspaceNotice {...props} />);
