import type { Plugin } from 'vite';

/**
 * Every MDX page starts with Astro's own `"use astro:head-inject"` directive, and Rolldown warns
 * about it once per page with a ten-line frame (https://github.com/withastro/astro/issues/18087):
 * 1,017 warnings and 1.2 MB of log at 1,000 FAQ answers, which buried the build's own messages
 * and overflowed the output buffer of the build test that runs it. Set per environment: Astro
 * builds the pages in its prerender environment, whose Rolldown options do not inherit
 * `vite.build.rolldownOptions`. Any other warning still shows.
 */
export function quietMdxDirectives(): Plugin {
  return {
    name: 'quiet-mdx-directives',
    apply: 'build',
    configEnvironment() {
      return {
        build: {
          rolldownOptions: {
            onwarn(warning, warn) {
              if (
                warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
                warning.message.includes('astro:head-inject')
              )
                return;
              warn(warning);
            },
          },
        },
      };
    },
  };
}
