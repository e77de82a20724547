import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';

// The server process serves this build under /licensing/ and answers /graphql and /api on the same origin.
export default defineConfig({
  base: '/licensing/',
  plugins: [vue()],
  // Read @aim/domain from its TypeScript source: the forms apply the server's rules without a build step.
  resolve: { conditions: ['@aim/source', ...defaultClientConditions] },
  server: {
    port: 5174,
    proxy: {
      '/graphql': 'http://localhost:4000',
      '/api': 'http://localhost:4000',
    },
  },
});
