import ReactDOM from 'react-dom/client';
import { createApp } from '@backstage/frontend-defaults';
import plugin from '../src';

// `yarn start` in this folder serves the plugin alone; @backstage/frontend-dev-utils is not yet
// published for the frontend-plugin-api 1.x line this repository uses.
const app = createApp({ features: [plugin] });
ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
