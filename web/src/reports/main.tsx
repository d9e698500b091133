import { render } from 'preact';
import '../shared/style.css';
import './reports.css';
import { requireSession } from '../shared/session.js';
import { ReportsPage } from './page.js';

const session = requireSession();
render(<ReportsPage user={session.user} />, document.getElementById('root')!);
