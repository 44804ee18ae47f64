// Reads the Google Docs and Gmail drafts the add-on made from the simulator's Docs and Gmail services, as
// readable blocks and message parts for the page.
import { type Simulator, simDocuments, type DocNode, simGmail } from '../sim';
import type { DocBlockView, DocView, DraftView } from './types';

function nodeText(n: DocNode): string {
  if (n.children)
    return n.children.map(nodeText).join(n.type === 'TABLE' ? '\n' : n.type === 'TABLE_ROW' ? '\t' : '\n');
  return n.text ?? '';
}

function block(n: DocNode): DocBlockView {
  if (n.hr) return { type: 'rule', text: '' };
  if (n.pageBreak) return { type: 'page break', text: '' };
  if (n.type === 'TABLE') {
    const cells = (n.children ?? []).map((row) => (row.children ?? []).map(nodeText));
    return { type: 'table', text: nodeText(n), cells };
  }
  const text = nodeText(n);
  if (n.type === 'LIST_ITEM') return { type: 'list item', text, level: Number(n.attrs.NESTING_LEVEL ?? 0) };
  const heading = String(n.attrs.HEADING ?? 'NORMAL');
  if (heading === 'TITLE') return { type: 'title', text };
  if (heading === 'SUBTITLE') return { type: 'subtitle', text };
  const level = /^HEADING(\d)$/.exec(heading);
  if (level) return { type: 'heading', level: Number(level[1]), text };
  return { type: 'paragraph', text };
}

/** Every Doc in the simulated Drive, newest first. */
export function readDocs(sim: Simulator): DocView[] {
  return simDocuments(sim)
    .list()
    .map((d) => ({
      id: d.id,
      title: d.name,
      url: `https://docs.google.com/document/d/${d.id}/edit`,
      createdAt: d.createdAt,
      blocks: d.body.map(block),
    }))
    .reverse();
}

/** Drafts waiting in Gmail (not sent, not deleted), newest first. */
export function readDrafts(sim: Simulator): DraftView[] {
  return simGmail(sim)
    .drafts()
    .map((d) => ({
      id: d.id,
      headers: [
        ['From', d.from],
        ['To', d.to.join(', ')],
        ...(d.cc.length ? ([['Cc', d.cc.join(', ')]] as Array<[string, string]>) : []),
        ...(d.bcc.length ? ([['Bcc', d.bcc.join(', ')]] as Array<[string, string]>) : []),
        ...(d.replyTo ? ([['Reply-To', d.replyTo]] as Array<[string, string]>) : []),
        ['Subject', d.subject],
      ] as Array<[string, string]>,
      subject: d.subject,
      createdAt: d.createdAt,
      html: d.html,
      text: d.text,
    }))
    .reverse();
}
