import { render } from 'preact';
import '../shared/style.css';
import { requireSession } from '../shared/session.js';
import { CallLogPage } from './page.js';

const session = requireSession();
render(<CallLogPage user={session.user} />, document.getElementById('root')!);
