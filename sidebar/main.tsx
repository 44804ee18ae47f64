// The triage sidebar's entry (dev/build.mjs bundles it into dist/Sidebar.html): renders the page from
// sidebar/triage/, where each part lives in its own module (app.tsx holds the state and data flow).
import { render } from 'preact';
import { App } from './triage/app';
import './triage.css';

render(<App />, document.getElementById('app')!);
