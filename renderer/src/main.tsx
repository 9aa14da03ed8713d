import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>NRM Referral Checker</h1>
      <p>The desktop interface is on its way. Until then, check a draft with the command line: npm run check -- draft.txt</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
