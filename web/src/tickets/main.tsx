import { render } from 'preact';
import '../shared/style.css';
import './tickets.css';
import { requireSession } from '../shared/session.js';
import { TicketsPage } from './page.js';

const session = requireSession();
render(<TicketsPage user={session.user} />, document.getElementById('root')!);
