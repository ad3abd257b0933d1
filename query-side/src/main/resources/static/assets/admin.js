// The admin page: the status of every projection and a replay per projection, followed by polling the status
// every second until the view has caught up again. Rows are updated in place, so keyboard focus stays put.
import { api, attempt, h, say, show, signedInBar } from '/assets/ledger.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 1000;

/** Names of views whose replay this page started and has not yet seen finish. */
const following = new Set();
const rows = new Map();
let polling = null;

async function statuses() {
    return (await api('/api/v1/admin/projections')).data;
}

function state(p) {
    if (!p.running) return ['stopped', 'stopped'];
    if (p.replaying) return ['replaying', 'replaying'];
    if (p.caughtUp) return ['caught-up', 'caught up'];
    return ['behind', 'catching up'];
}

function progressOf(p) {
    if (p.replayProgress == null) return p.replaying ? h('progress', { 'aria-label': `Replay of ${p.name}` }) : '—';
    return [
        h('progress', { max: 100, value: p.replayProgress, 'aria-label': `Replay of ${p.name}` }),
        ` ${p.replayProgress} %`,
    ];
}

function render(projections) {
    const container = $('projections');
    if (!container.querySelector('table')) {
        show(
            container,
            h(
                'table',
                { id: 'projection-table' },
                h('caption', {}, 'Projection status'),
                h(
                    'thead',
                    {},
                    h(
                        'tr',
                        {},
                        ['View', 'State', 'Position', 'Replay progress', 'Parked events', 'Replay'].map((c) =>
                            h('th', { scope: 'col' }, c),
                        ),
                    ),
                ),
                h('tbody', {}),
            ),
        );
    }
    const body = container.querySelector('tbody');
    for (const p of projections) {
        let row = rows.get(p.name);
        if (!row) {
            const button = h(
                'button',
                {
                    type: 'button',
                    'data-replay': p.name,
                    'aria-label': `Replay projection ${p.name}`,
                    on: { click: () => replay(p.name) },
                },
                'Replay',
            );
            row = h(
                'tr',
                { 'data-projection': p.name },
                h('th', { scope: 'row' }, p.name),
                h('td', {}),
                h('td', {}),
                h('td', {}),
                h('td', {}),
                h('td', {}, button),
            );
            rows.set(p.name, row);
            body.append(row);
        }
        const [key, text] = state(p);
        row.dataset.state = key;
        show(row.cells[1], h('span', { class: 'state', 'data-state': key }, text));
        show(row.cells[2], p.position == null ? '—' : String(p.position));
        show(row.cells[3], progressOf(p));
        show(row.cells[4], h('span', { class: 'parked', 'data-parked': String(p.parked > 0) }, String(p.parked)));
        row.querySelector('button').disabled = p.replaying || following.has(p.name);
    }
}

async function refresh() {
    const projections = await statuses();
    render(projections);
    return projections;
}

async function replay(name) {
    const accepted = await attempt(
        async () => (await api(`/api/v1/admin/projections/${encodeURIComponent(name)}/replay`, { method: 'POST', body: {} })).data,
        `Replay of ${name} started: the view is emptied and rebuilt from the first event.`,
    );
    if (!accepted) return;
    following.add(name);
    $('projections-section').setAttribute('aria-busy', 'true');
    render([accepted]);
    if (!polling) polling = setTimeout(poll, POLL_MS);
}

/** Every second while a replay runs: the status of every view, until each followed replay is done. */
async function poll() {
    polling = null;
    let projections;
    try {
        projections = await statuses();
    } catch (error) {
        say(`${error.message} (still following the replay)`, 'error');
        polling = setTimeout(poll, POLL_MS);
        return;
    }
    for (const p of projections) {
        if (following.has(p.name) && p.running && p.caughtUp && !p.replaying) {
            following.delete(p.name);
            say(`Replay of ${p.name} finished: caught up at position ${p.position ?? '—'}, ${p.parked} parked.`, 'ok');
        }
    }
    render(projections);
    if (following.size) {
        polling = setTimeout(poll, POLL_MS);
    } else {
        $('projections-section').setAttribute('aria-busy', 'false');
    }
}

$('refresh-projections').addEventListener('click', () => attempt(refresh, 'Projection status refreshed.'));

await signedInBar();
await attempt(refresh);
