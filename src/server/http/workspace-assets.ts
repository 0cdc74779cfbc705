/** The workspace's stylesheet and script (src/styles/workspace.css, src/browser/workspace.ts). */
import { assetSet, script, stylesheet } from './endpoint-assets.ts';

const assets = assetSet({
  'gaya.css': stylesheet(new URL('../../styles/workspace.css', import.meta.url)),
  'skrip.js': script(new URL('../../browser/workspace.ts', import.meta.url)),
});

export const WORKSPACE_ASSETS = assets.names;
export const serveWorkspaceAsset = assets.serve;
