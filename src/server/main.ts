/**
 * `npm start` (node src/server/main.ts). The endpoint renders the site's Preact components,
 * which Node can load only once the JSX hooks are in place; everything else is imported
 * after them.
 */
import './startup/jsx-hooks.ts';

await import('./startup/start.ts');
