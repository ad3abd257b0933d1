// The HR page: the programme's tiles and charts (k = 5 suppression as the API gives it), the engagement list with
// paging, filter, sort and id search, updates shared with this HR person, the coach roster, HR's actions (register
// a coach, open an engagement, shortlist), all kept live by the HR stream. Only HR endpoints are asked; HR's API
// carries no session data, so none can be shown.
import { api, attempt, follow, h, say, show, signedInBar, table, values, when } from '/assets/ledger.js';

const STATUSES = ['OPENED', 'SHORTLISTED', 'ACTIVE', 'CLOSED'];
const STATUS_NAMES = { OPENED: 'Opened', SHORTLISTED: 'Shortlisted', ACTIVE: 'Active', CLOSED: 'Closed' };
const PURPOSE_NAMES = { DEVELOPMENTAL: 'Developmental', REMEDIAL: 'Remedial' };
const SUPPRESSED = 'fewer than 5';

const list = { page: 0, size: 10, status: '', sort: '-openedAt', engagementId: '', next: null, prev: null, total: 0 };
/** Every engagement as the stream last sent it (the stream's first answer is complete): the updates come from it. */
const known = new Map();

const byId = (id) => document.getElementById(id);

// ---- dashboard: tiles and charts -------------------------------------------------------------------------------

/** A cell of the dashboard as text: its count, or "fewer than 5" when suppressed (never 0, never a number). */
function cellText(cell) {
    return !cell || cell.suppressed ? SUPPRESSED : String(cell.count);
}

function cellElement(tag, cell, attributes = {}) {
    const suppressed = !cell || cell.suppressed;
    return h(
        tag,
        { ...attributes, class: [attributes.class, suppressed ? 'suppressed' : 'n'].filter(Boolean).join(' ') },
        cellText(cell),
    );
}

/**
 * A chart as a table: each category with its number (for screen readers and for reading) and a bar drawn beside
 * it. A suppressed cell gets a hatched, unlabelled-length bar and reads "fewer than 5".
 */
function chart(figureId, key, categories, names, cells) {
    const figure = byId(figureId);
    const shown = categories.map((c) => cells[c]).filter((c) => c && !c.suppressed).map((c) => c.count);
    const largest = Math.max(1, ...shown);
    const rows = categories.map((category) => {
        const cell = cells[category];
        const bar = h('span', { class: cell && !cell.suppressed ? 'bar' : 'bar suppressed-bar' });
        if (cell && !cell.suppressed) bar.style.width = `${Math.max(2, (100 * cell.count) / largest)}%`;
        return h(
            'tr',
            { 'data-cell': `${key}:${category}` },
            h('th', { scope: 'row' }, names[category] || category),
            cellElement('td', cell, { class: 'count' }),
            h('td', { class: 'bar-cell', 'aria-hidden': 'true' }, bar),
        );
    });
    const caption = figure.querySelector('figcaption');
    show(
        figure,
        caption,
        h(
            'table',
            { class: 'bars' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Category'), h('th', { scope: 'col' }, 'Engagements'),
                h('td', { 'aria-hidden': 'true' }))),
            h('tbody', {}, rows),
        ),
    );
}

async function loadDashboard() {
    const { data } = await api('/api/v1/hr/dashboard');
    show(
        byId('tiles'),
        STATUSES.map((status) =>
            h(
                'div',
                { class: 'tile', id: `tile-${status}`, 'data-status': status },
                h('div', { class: 'muted' }, STATUS_NAMES[status]),
                cellElement('div', data.byStatus[status], { class: 'value' }),
            ),
        ),
    );
    chart('chart-status', 'status', STATUSES, STATUS_NAMES, data.byStatus);
    chart('chart-purpose', 'purpose', Object.keys(data.byPurpose), PURPOSE_NAMES, data.byPurpose);
    const scores = ['5', '4', '3', '2', '1'];
    chart('chart-satisfaction', 'satisfaction', scores, Object.fromEntries(scores.map((s) => [s, `Score ${s}`])),
        data.satisfaction);
}

// ---- the coach roster -------------------------------------------------------------------------------------------

async function loadRoster() {
    const { data } = await api('/api/v1/hr/coaches');
    const roster = table(
        'Registered coaches',
        ['Coach', 'Name', 'Certifications', 'Years', 'Specialties', 'Active engagements', 'Average satisfaction'],
        data,
        (coach) => [
            coach.coachId,
            coach.displayName,
            (coach.certifications || [])
                .map((c) => `${c.body} ${c.credential}${c.validUntil ? ` (until ${c.validUntil})` : ''}`)
                .join(', ') || '—',
            String(coach.yearsExperience),
            (coach.specialties || []).join(', ') || '—',
            String(coach.activeEngagements),
            coach.averageSatisfaction === null || coach.averageSatisfaction === undefined
                ? h('span', { class: 'suppressed' }, 'fewer than 3 scores')
                : String(coach.averageSatisfaction),
        ],
    );
    roster.querySelectorAll('tbody tr').forEach((tr, i) => tr.setAttribute('data-coach-id', data[i].coachId));
    show(byId('coach-list'), data.length ? roster : h('p', { class: 'muted' }, 'No coach is registered yet.'));
}

// ---- the engagement list ----------------------------------------------------------------------------------------

const COLUMNS = ['Engagement', 'Client', 'Boss', 'Purpose', 'Status', 'Shortlist', 'Selected coach', 'Budget',
    'Satisfaction', 'Opened'];

function budgetText(budget) {
    return budget ? `${budget.sessions} sessions, ${budget.amount} ${budget.currency}` : '—';
}

function engagementRow(e) {
    const cells = [
        e.engagementId,
        e.clientId,
        e.bossId,
        PURPOSE_NAMES[e.purpose] || e.purpose,
        h('span', { class: 'status', 'data-status': e.status }, STATUS_NAMES[e.status] || e.status),
        (e.shortlist || []).join(', ') || '—',
        e.selectedCoachId || '—',
        budgetText(e.budget),
        e.satisfactionScore === null || e.satisfactionScore === undefined ? '—' : String(e.satisfactionScore),
        when(e.openedAt),
    ];
    return h(
        'tr',
        { 'data-engagement-id': e.engagementId, 'data-status': e.status, 'data-version': e.version },
        cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))),
    );
}

function query(page) {
    const params = new URLSearchParams({ page: String(page), size: String(list.size), sort: list.sort });
    if (list.status) params.set('status', list.status);
    if (list.engagementId) params.set('engagementId', list.engagementId);
    return `/api/v1/hr/engagements?${params}`;
}

/** The rel="next" / rel="prev" targets of an RFC 8288 Link header. */
function links(header) {
    const found = {};
    for (const part of (header || '').split(',')) {
        const match = part.match(/<([^>]*)>\s*;\s*rel="?([a-z]+)"?/);
        if (match) found[match[2]] = match[1];
    }
    return found;
}

let listTicket = 0;

/** Shows a page of the list; an answer that arrives after a newer request was made is dropped. */
async function loadList(path = query(list.page)) {
    const ticket = ++listTicket;
    const { data, headers } = await api(path);
    if (ticket !== listTicket) return;
    const page = Number(new URL(path, window.location.origin).searchParams.get('page') || 0);
    list.page = page;
    list.total = Number(headers.get('X-Total-Count') || data.length);
    const rel = links(headers.get('Link'));
    list.next = rel.next || null;
    list.prev = rel.prev || null;
    const body = h('tbody', {}, data.map(engagementRow));
    show(
        byId('engagement-list'),
        data.length
            ? h(
                'table',
                { id: 'engagement-table' },
                h('caption', {}, 'Engagements (HR sees every engagement; no session data)'),
                h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
                body,
            )
            : h('p', { class: 'muted', id: 'no-engagements' }, 'No engagement matches.'),
    );
    const pages = Math.max(1, Math.ceil(list.total / list.size));
    show(byId('page-info'), `Page ${Math.min(page + 1, pages)} of ${pages} · ${list.total} engagement${list.total === 1 ? '' : 's'}`);
    byId('prev').disabled = !list.prev || page === 0;
    byId('next').disabled = !list.next;
}

function matchesList(e) {
    return (!list.status || e.status === list.status) && e.engagementId.startsWith(list.engagementId);
}

function shownRow(engagementId) {
    return [...document.querySelectorAll('#engagement-list tr[data-engagement-id]')].find(
        (tr) => tr.dataset.engagementId === engagementId,
    );
}

// ---- updates shared with this HR person -------------------------------------------------------------------------

function renderUpdates() {
    const updates = [...known.values()]
        .flatMap((e) => (e.updates || []).map((u) => ({ ...u, engagementId: e.engagementId })))
        .sort((a, b) => String(b.sharedAt).localeCompare(String(a.sharedAt)));
    if (!updates.length) {
        show(byId('update-list'), h('p', { class: 'muted', id: 'no-updates' }, 'No update has been shared with you.'));
        return;
    }
    const updatesTable = table(
        'Updates the clients consented to share with you',
        ['Engagement', 'Scope', 'Content', 'From', 'When', 'Under consent'],
        updates,
        (u) => [
            u.engagementId,
            u.scope,
            u.content === null ? h('span', { class: 'suppressed' }, 'erased with the client’s data') : u.content,
            u.sharedBy,
            when(u.sharedAt),
            u.consentId,
        ],
    );
    updatesTable.querySelectorAll('tbody tr').forEach((tr, i) => {
        tr.setAttribute('data-update-id', updates[i].updateId);
        tr.setAttribute('data-engagement-id', updates[i].engagementId);
    });
    show(byId('update-list'), updatesTable);
}

// ---- live ---------------------------------------------------------------------------------------------------------

function debounce(action, ms) {
    let timer;
    return () => {
        clearTimeout(timer);
        timer = setTimeout(action, ms);
    };
}

const quietly = (action) => () => action().catch((error) => say(error.message, 'error'));
const refreshSummary = debounce(quietly(() => Promise.all([loadDashboard(), loadRoster()])), 300);
const refreshList = debounce(quietly(() => loadList()), 300);
const refreshUpdates = debounce(renderUpdates, 100);

function onEngagement(e) {
    known.set(e.engagementId, e);
    const row = shownRow(e.engagementId);
    if (row) {
        if (Number(row.dataset.version) <= e.version) row.replaceWith(engagementRow(e));
    } else if (matchesList(e)) {
        refreshList();
    }
    refreshUpdates();
    refreshSummary();
}

function liveState(state) {
    const live = byId('live');
    live.dataset.state = state;
    show(live, { live: 'live', reconnecting: 'reconnecting…', connecting: 'connecting…' }[state] || state);
}

/**
 * Follows the HR stream. EventSource reconnects by itself after a dropped connection; an answer that is not a
 * stream (429 while the old streams of closed tabs are still counted) closes it for good, so then we open a new one.
 */
function followLive(delay = 2000) {
    const source = follow('/api/v1/hr/engagements/stream', 'engagement', onEngagement, (state) => {
        liveState(state);
        if (state === 'live') delay = 2000;
        if (state === 'reconnecting' && source.readyState === EventSource.CLOSED) {
            source.close();
            setTimeout(() => followLive(Math.min(delay * 2, 30000)), delay);
        }
    });
}

// ---- controls -----------------------------------------------------------------------------------------------------

function readControls() {
    list.engagementId = byId('search').value.trim();
    list.status = byId('filter-status').value;
    list.sort = byId('sort').value;
    list.size = Number(byId('page-size').value);
}

function wireControls() {
    const controls = byId('list-controls');
    controls.addEventListener('submit', (event) => {
        event.preventDefault();
        readControls();
        attempt(() => loadList(query(0)));
    });
    for (const id of ['filter-status', 'sort', 'page-size']) {
        byId(id).addEventListener('change', () => controls.requestSubmit());
    }
    byId('prev').addEventListener('click', () => list.prev && attempt(() => loadList(list.prev)));
    byId('next').addEventListener('click', () => list.next && attempt(() => loadList(list.next)));

    const commaList = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

    byId('register-coach').addEventListener('submit', async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const v = values(form);
        const certification = { body: v.certificationBody.trim(), credential: v.credential.trim() };
        if (v.validUntil) certification.validUntil = v.validUntil;
        const body = {
            coachId: v.coachId.trim(),
            displayName: v.displayName.trim(),
            certifications: certification.body || certification.credential ? [certification] : [],
            yearsExperience: Number(v.yearsExperience),
            specialties: commaList(v.specialties),
        };
        const done = await attempt(() => api('/api/v1/coaches', { method: 'POST', body }),
            `Coach ${body.coachId} is registered.`);
        if (done) {
            form.reset();
            refreshSummary();
        }
    });

    byId('open-engagement').addEventListener('submit', async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const v = values(form);
        const body = {
            engagementId: v.engagementId.trim(),
            clientId: v.clientId.trim(),
            bossId: v.bossId.trim(),
            purpose: v.purpose,
            urgency: v.urgency,
        };
        const done = await attempt(() => api('/api/v1/engagements', { method: 'POST', body }),
            `Engagement ${body.engagementId} is open.`);
        if (done) {
            form.reset();
            byId('shortlist-engagement').value = body.engagementId;
        }
    });

    byId('shortlist').addEventListener('submit', async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const v = values(form);
        const engagementId = v.engagementId.trim();
        const coachIds = commaList(v.coachIds);
        const done = await attempt(
            () => api(`/api/v1/engagements/${encodeURIComponent(engagementId)}/shortlist`, {
                method: 'POST',
                body: { coachIds },
            }),
            `Shortlisted ${coachIds.join(', ')} for ${engagementId}.`,
        );
        if (done) form.reset();
    });
}

// ---- start --------------------------------------------------------------------------------------------------------

await signedInBar();
wireControls();
readControls();
await Promise.all([
    attempt(loadDashboard),
    attempt(loadRoster),
    attempt(() => loadList(query(0))),
]);
followLive();
