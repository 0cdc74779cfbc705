import type { Plugin } from 'vite';

// @astrojs/preact always hands @preact/preset-vite a Babel config, and the preset then runs
// every .tsx file through Babel's JSX transform, in the server and the browser builds. Vite's
// own transform (Oxc) already compiles JSX from tsconfig.json ("jsx": "react-jsx",
// "jsxImportSource": "preact") to the same preact/jsx-runtime calls; Babel only adds the hook
// names Preact's devtools show, which a production build leaves out anyway. Measured on cold
// builds with 200 FAQ answers (2026-12-06): 0.5–0.7 s of CPU less per build. In development the
// preset keeps Babel, which its hot reload needs. The name is the preset's (2.10,
// src/index.ts); if it changes, Babel simply runs again and the build says so.
const PRESET_JSX_PLUGIN = 'vite:preact-jsx';

export function jsxWithoutBabel(): Plugin {
  return {
    name: 'jsx-without-babel',
    apply: 'build',
    configResolved(config) {
      const preset = config.plugins.find((plugin) => plugin.name === PRESET_JSX_PLUGIN);
      if (!preset) {
        config.logger.warn(`[jsx-without-babel] ${PRESET_JSX_PLUGIN} not found: Babel stays on.`);
        return;
      }
      // The plugin's other hooks (its config) stay; only the per-file Babel pass goes.
      (preset as { transform?: unknown }).transform = undefined;
    },
  };
}
