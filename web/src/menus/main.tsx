import { render } from 'preact';
import '../shared/style.css';
import './menus.css';
import { requireSession } from '../shared/session.js';
import { MenuEditor } from './editor.js';

const session = requireSession();
render(<MenuEditor user={session.user} />, document.getElementById('root')!);
