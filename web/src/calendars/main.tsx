import { render } from 'preact';
import '../shared/style.css';
import '../menus/menus.css';
import './calendars.css';
import { requireSession } from '../shared/session.js';
import { CalendarPage } from './page.js';

const session = requireSession();
render(<CalendarPage user={session.user} />, document.getElementById('root')!);
