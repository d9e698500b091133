import { render } from 'preact';
import '../shared/style.css';
import { requireSession } from '../shared/session.js';
import { AgentDesk } from './desk.js';

const session = requireSession();
render(<AgentDesk user={session.user} />, document.getElementById('root')!);
