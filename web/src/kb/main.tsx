import { render } from 'preact';
import '../shared/style.css';
import './kb.css';
import { requireSession } from '../shared/session.js';
import { KbPage } from './page.js';

const session = requireSession();
render(<KbPage user={session.user} />, document.getElementById('root')!);
