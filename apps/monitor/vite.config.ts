import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';

// The server process serves this build at / and answers /graphql and /api on the same origin.
export default defineConfig({
  base: '/',
  plugins: [vue()],
  // Read workspace packages (@aim/*) from their TypeScript source, without a build step.
  resolve: { conditions: ['@aim/source', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: {
      '/graphql': 'http://localhost:4000',
      '/api': 'http://localhost:4000',
    },
  },
});
