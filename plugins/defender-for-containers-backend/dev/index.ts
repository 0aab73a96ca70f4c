import { createBackend } from '@backstage/backend-defaults';

// Runs the plugin alone: `yarn start` in this folder, then
//   curl http://localhost:7007/api/defender-for-containers/health
const backend = createBackend();
backend.add(import('../src'));
backend.start();
