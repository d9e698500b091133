import { defineConfig } from 'vite';

// The pages are built once (npm run build) into dist/web, which the service serves as files.
export default defineConfig({
  root: 'web',
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: 'web/index.html',
        agent: 'web/agent.html',
        supervisor: 'web/supervisor.html',
        calls: 'web/calls.html',
        menus: 'web/menus.html',
        prompts: 'web/prompts.html',
        calendars: 'web/calendars.html',
        tickets: 'web/tickets.html',
        reports: 'web/reports.html',
        kb: 'web/kb.html',
      },
    },
  },
});
