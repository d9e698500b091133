import { render } from 'preact';
import '../shared/style.css';
import './prompts.css';
import { requireSession } from '../shared/session.js';
import { PromptsPage } from './page.js';

const session = requireSession();
render(<PromptsPage user={session.user} />, document.getElementById('root')!);
