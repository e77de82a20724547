import { defineConfig } from 'vitest/config';

// One test run for the whole workspace; each package brings its own project config.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
