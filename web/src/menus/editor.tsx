import { useEffect, useState } from 'preact/hooks';
import type { MenuError } from '../../../src/ivr/validator.js';
import { nodeKinds } from '../../../src/ivr/model.js';
import { api } from '../shared/api.js';
import { Header } from '../shared/header.js';
import type { SessionUser } from '../shared/session.js';
import { useCatalogue } from './catalogue.js';
import type { VersionRow } from './compare.js';
import { newNode, newNodeId, replaceNode, withoutNode, type MenuDefinition, type NodeKind } from './graph.js';
import { kindLabel } from './node-card.js';
import { NodeForm } from './node-form.js';
import { Simulator } from './simulator.js';
import { problemText } from './problem-text.js';
import { m, mk } from './text.js';
import { MenuTree } from './tree.js';
import { Versions } from './versions.js';


/**
 * The IVR editor for a hotline manager: the menu as a tree, a form for the chosen node, and
 * beside them a pretend call and the versions. Edits stay in the page until saved as a draft;
 * publishing saves the draft first, so what is published is what is on screen.
 */
export function MenuEditor({ user }: { user: SessionUser }) {
  const catalogue = useCatalogue();
  const [name, setName] = useState<string | null>(null);
  const [versions, setVersions] = useState<VersionRow[]>([]);
  const [menu, setMenu] = useState<MenuDefinition | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [problems, setProblems] = useState<MenuError[]>([]);
  const [checking, setChecking] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<'simulator' | 'versions'>('simulator');
  const [changed, setChanged] = useState(0);
  const [newKind, setNewKind] = useState<NodeKind>('menu');

  const load = async (menuName: string, keepEdits = false) => {
    const list = await api<VersionRow[]>('GET', `/api/menus/${encodeURIComponent(menuName)}/versions`);
    setVersions(list);
    setChanged((c) => c + 1);
    if (keepEdits) return;
    const shown = (list.find((v) => v.draft) ?? list.find((v) => v.published))!.definition;
    setMenu(shown);
    setSelected((id) => id ?? shown.start);
  };

  useEffect(() => {
    void api<Array<{ name: string }>>('GET', '/api/menus').then((menus) => {
      const first = menus[0]?.name;
      if (!first) return;
      setName(first);
      void load(first);
    });
  }, []);

  // Checked as the admin types, so each problem shows on its node before anyone presses publish.
  useEffect(() => {
    if (!menu || !name) return;
    // An answer about an older edit arriving late must not overwrite the answer about this one.
    let stale = false;
    setChecking(true);
    const timer = setTimeout(() => {
      void api<{ errors: MenuError[] }>('POST', `/api/menus/${encodeURIComponent(name)}/validate`, menu).then((r) => {
        if (stale) return;
        setProblems(r.errors);
        setChecking(false);
      });
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [menu, name]);

  const act = async (work: () => Promise<string>) => {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const storeDraft = async () => {
    const saved = await api<{ version: { version: number }; problems: MenuError[] }>('PUT', `/api/menus/${encodeURIComponent(name!)}/draft`, menu);
    await load(name!, true);
    return saved;
  };
  const saveDraft = async () => {
    const saved = await storeDraft();
    return `${m('saved')} v${saved.version.version}${saved.problems.length ? ` · ${saved.problems.length} ${m('problems')}` : ''}`;
  };
  const publish = () =>
    act(async () => {
      const saved = await storeDraft();
      // The service would refuse it too, in English; the problems are already on their nodes, so the page says it in its own words.
      if (saved.problems.length) throw new Error(`${m('notPublished')} ${saved.problems.length} ${m('problems')}`);
      const published = await api<{ version: number }>('POST', `/api/menus/${encodeURIComponent(name!)}/publish`, {});
      await load(name!, true);
      return `${m('published')} v${published.version}`;
    });
  const rollback = (version: number) =>
    act(async () => {
      await api('POST', `/api/menus/${encodeURIComponent(name!)}/rollback`, { version });
      // With no draft, the editor shows what callers now hear; a draft stays on screen.
      await load(name!);
      return `${m('rolledBack')} v${version}`;
    });
  const addNode = () => {
    if (!menu) return;
    const id = newNodeId(menu, newKind);
    setMenu({ ...menu, nodes: [...menu.nodes, newNode(id, newKind, kindLabel(newKind))] });
    setSelected(id);
  };

  const node = menu?.nodes.find((n) => n.id === selected);
  const menuProblems = problems.filter((p) => p.nodeId === null);

  return (
    <div class="desk">
      <Header user={user} />
      {menu && name && (
        <>
          <div class="toolbar">
            <strong>
              {m('menu')} {name}
            </strong>
            <span class={checking ? 'problems-count' : problems.length ? 'problems-count bad' : 'problems-count good'} data-testid="problems-count">
              {checking ? m('checking') : problems.length ? `${problems.length} ${m('problems')}` : m('noProblems')}
            </span>
            <span class="spacer" />
            <select name="new-kind" value={newKind} onChange={(e) => setNewKind(e.currentTarget.value as NodeKind)}>
              {nodeKinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
            <button type="button" onClick={addNode}>
              ＋ {m('addNode')}
            </button>
            <button type="button" onClick={() => void act(saveDraft)}>
              {m('saveDraft')}
            </button>
            <button type="button" class="primary" onClick={() => void publish()}>
              {m('publish')}
            </button>
          </div>
          {(notice || error || menuProblems.length > 0) && (
            <div class="banner">
              {notice && <span class="notice" role="status">{notice}</span>}
              {error && (
                <span class="error" role="alert">
                  {error}
                </span>
              )}
              {menuProblems.map((p) => (
                <span class="error" key={p.message}>
                  {mk('field', p.field)}: {problemText(p)}
                </span>
              ))}
            </div>
          )}
          <main class="menu-editor">
            <section class="card tree-pane">
              <MenuTree menu={menu} errors={problems} selected={selected} catalogue={catalogue} onSelect={setSelected} />
            </section>
            <section class="card form-pane">
              {node ? (
                <NodeForm
                  key={node.id}
                  menu={menu}
                  node={node}
                  errors={problems.filter((p) => p.nodeId === node.id)}
                  catalogue={catalogue}
                  onChange={(n) => setMenu(replaceNode(menu, n))}
                  onDelete={() => (setMenu(withoutNode(menu, node.id)), setSelected(null))}
                  onMakeStart={() => setMenu({ ...menu, start: node.id })}
                />
              ) : (
                <p class="muted">{m('pickNode')}</p>
              )}
            </section>
            <section class="card side-pane">
              <div class="tabs">
                <button type="button" class={tab === 'simulator' ? 'active' : ''} onClick={() => setTab('simulator')}>
                  {m('simulator')}
                </button>
                <button type="button" class={tab === 'versions' ? 'active' : ''} onClick={() => setTab('versions')}>
                  {m('versions')}
                </button>
              </div>
              {tab === 'simulator' ? <Simulator name={name} menu={menu} catalogue={catalogue} /> : <Versions name={name} versions={versions} changed={changed} onRollback={(v) => void rollback(v)} />}
            </section>
          </main>
        </>
      )}
    </div>
  );
}
