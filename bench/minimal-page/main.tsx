// The baseline of `window.first_open_ratio` (bench/window.ts): the least a React 19 window can do to show a list
// whose first row takes focus, built as the app's renderer is (Vite, the React plugin, a production build) and
// served as it is (main's app:// handler, the same CSP). No data to fetch, no styles, no translations.
import { createRoot } from 'react-dom/client';

const rows = ['Daily stand-up', 'Weekly sync', 'Interview', 'All hands'];

function List() {
  return (
    <ul role="listbox" aria-label="Presets">
      {rows.map((row, index) => (
        <li key={row} role="option" aria-selected={index === 0} tabIndex={index === 0 ? 0 : -1}>
          {row}
        </li>
      ))}
    </ul>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(<List />);
