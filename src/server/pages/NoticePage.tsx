import { PageShell, type PageLook } from './PageShell.tsx';
import { renderPage } from './render.ts';

/** A short notice about a whole post (too large, wrong origin, server fault) with a way back. */
export function NoticePage(props: {
  title: string;
  message: string;
  backHref: string;
  look: PageLook;
}) {
  return (
    <PageShell title={props.title} look={props.look}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <a href={`${props.look.siteOrigin}${props.backHref}`}>Kembali</a>
      </p>
    </PageShell>
  );
}

export function renderNoticePage(props: Parameters<typeof NoticePage>[0]): string {
  return renderPage(<NoticePage {...props} />);
}
