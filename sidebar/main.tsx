// The triage sidebar's entry (dev/build.mjs bundles it into dist/Sidebar.html): renders the page from
// sidebar/triage/, where each part lives in its own module (app.tsx holds the state and data flow).
import { render } from 'preact';
import { App } from './triage/app';
import './triage.css';

const root = document.getElementById('app')!;
// The page's static "Loading the wins…" and its aria-busy stand only until the script runs: the app says from then
// on whether it is busy (on its own element), so nothing says "loading" once the wins are in.
root.removeAttribute('aria-busy');
root.replaceChildren();
render(<App />, root);
