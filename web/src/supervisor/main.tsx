import { render } from 'preact';
import '../shared/style.css';
import { requireSession } from '../shared/session.js';
import { SupervisorDesk } from './desk.js';

const session = requireSession();
render(<SupervisorDesk user={session.user} />, document.getElementById('root')!);
