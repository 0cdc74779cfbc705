/**
 * The walk-in screens' stylesheet and scripts: src/styles/walk-in.css and src/browser's
 * queue and kiosk scripts (the display imports the spoken call from src/lib).
 */
import { assetSet, script, stylesheet } from './endpoint-assets.ts';

const browser = (name: string) => new URL(`../../browser/${name}`, import.meta.url);

const assets = assetSet({
  'gaya.css': stylesheet(new URL('../../styles/walk-in.css', import.meta.url)),
  'layar.js': script(browser('queue-display.ts')),
  'tiket.js': script(browser('queue-ticket.ts')),
  'loket.js': script(browser('kiosk-return.ts')),
});

export const WALK_IN_ASSETS = assets.names;
export const serveWalkInAsset = assets.serve;
