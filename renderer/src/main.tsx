import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client';
import { App } from './features/shell/App';
import './styles.css';

// Connect to the core before the first render: the handshake overlaps React's work, and the
// first loads go out the moment the app mounts.
api();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
