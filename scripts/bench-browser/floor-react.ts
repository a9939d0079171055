// The first-screen floor of a React page: the app's React build mounting one element, nothing else.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(createElement('div', { 'data-testid': 'app-ready' }, 'React root'));
