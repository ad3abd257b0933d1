// The coach page: the engagements where the client selected this coach (sessions with notes, consents in force,
// open requests, updates shared), logging a session and sharing an update with the consents in force shown next
// to the form. Reads only the coach view (/api/v1/coach/...), which never holds an update's content.
import { ApiError, api, h, say, show, signedInBar, values, when } from '/assets/ledger.js';
import { budgetText, newId, options, untilVersion } from '/assets/own-write.js';

const engagementsBox = document.getElementById('engagements');
const shareForm = document.getElementById('share-update');
const sessionForm = document.getElementById('log-session');
const shareEngagement = document.getElementById('share-engagement');
const consentsBox = document.getElementById('consents-in-force');
const hint = document.getElementById('share-hint');

let engagements = [];

async function load() {
    engagements = (await api('/api/v1/coach/engagements')).data;
    engagements.sort(
        (a, b) => (a.status === 'ACTIVE' ? 0 : 1) - (b.status === 'ACTIVE' ? 0 : 1)
            || a.engagementId.localeCompare(b.engagementId),
    );
    render();
}

function render() {
    renderEngagements();
    const active = engagements
        .filter((e) => e.status === 'ACTIVE')
        .map((e) => [e.engagementId, `${e.engagementId} (${e.clientId})`]);
    options(shareEngagement, active, 'No active engagement');
    options(document.getElementById('session-engagement'), active, 'No active engagement');
    renderConsents();
}

function erasedText(engagement, place, text) {
    if (text !== null && text !== undefined) return text;
    return (engagement.erased || []).includes(place)
        ? h('span', { class: 'suppressed' }, 'erased with the client’s data')
        : '—';
}

function smallTable(id, caption, columns, rows, cells, rowAttributes) {
    if (rows.length === 0) return h('p', { class: 'muted', id }, `${caption}: none.`);
    return h(
        'table',
        { id },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.map((row) => h('tr', rowAttributes(row), cells(row).map((cell) => h('td', {}, cell))))),
    );
}

function renderEngagements() {
    if (engagements.length === 0) {
        show(engagementsBox, h('p', { class: 'muted' }, 'No client has selected you as their coach yet.'));
        return;
    }
    show(
        engagementsBox,
        engagements.map((e) => {
            const key = e.engagementId;
            const sessions = [...(e.sessions || [])].sort((a, b) => (b.heldOn || '').localeCompare(a.heldOn || ''));
            return h(
                'article',
                { class: 'card', 'data-engagement-id': key, 'data-status': e.status },
                h(
                    'h3',
                    {},
                    h('span', {}, key),
                    h('span', { class: 'badge', 'data-status': e.status }, e.status),
                    h('span', { class: 'muted' }, `client ${e.clientId}`),
                    h('span', { class: 'muted' }, `budget ${budgetText(e.budget)}`),
                    h(
                        'span',
                        { class: 'muted' },
                        `${(e.sessions || []).length} session${(e.sessions || []).length === 1 ? '' : 's'} logged`,
                    ),
                ),
                smallTable(
                    `sessions-${key}`,
                    'Sessions',
                    ['Held on', 'Minutes', 'Session', 'Notes'],
                    sessions,
                    (s) => [s.heldOn, String(s.durationMinutes), s.sessionId,
                        h('span', { class: 'notes' }, erasedText(e, `sessions[${s.sessionId}].notes`, s.notes))],
                    (s) => ({ 'data-session-id': s.sessionId }),
                ),
                smallTable(
                    `requests-${key}`,
                    'Open update requests',
                    ['Asked by', 'For', 'Scope', 'Message', 'When'],
                    e.openRequests || [],
                    (r) => [r.requestedBy, r.audience, r.scope,
                        erasedText(e, `openRequests[${r.requestId}].message`, r.message), when(r.requestedAt)],
                    (r) => ({ 'data-request-id': r.requestId }),
                ),
                smallTable(
                    `shared-${key}`,
                    'Updates shared (their content is not shown here)',
                    ['Update', 'With', 'Scope', 'Shared by', 'When'],
                    e.sharedUpdates || [],
                    (u) => [u.updateId, u.audience, u.scope, u.sharedBy, when(u.sharedAt)],
                    (u) => ({ 'data-update-id': u.updateId }),
                ),
            );
        }),
    );
}

function selected() {
    return engagements.find((e) => e.engagementId === shareEngagement.value);
}

function inForce(consent) {
    return !consent.validUntil || new Date(consent.validUntil) > new Date();
}

/** The consents in force of the engagement chosen in the share form, and whether one covers audience and scope. */
function renderConsents() {
    const engagement = selected();
    const consents = engagement ? (engagement.consentsInForce || []).filter(inForce) : [];
    show(
        consentsBox,
        !engagement
            ? h('p', { class: 'muted' }, 'Choose an active engagement.')
            : smallTable(
                'consent-list',
                `Given by ${engagement.clientId} on ${engagement.engagementId}`,
                ['Consent', 'Audience', 'Scopes', 'Purpose', 'Valid until'],
                consents,
                (c) => [c.consentId, c.audience, c.scopes.join(', '), c.purpose || '—',
                    c.validUntil ? when(c.validUntil) : 'until revoked'],
                (c) => ({ 'data-consent-id': c.consentId }),
            ),
    );
    const { audience, scope } = values(shareForm);
    const covering = consents.find((c) => c.audience === audience && c.scopes.includes(scope));
    if (!engagement) {
        show(hint);
        delete hint.dataset.covered;
    } else if (covering) {
        hint.dataset.covered = 'true';
        show(hint, `Consent ${covering.consentId} covers ${audience} / ${scope}.`);
    } else {
        hint.dataset.covered = 'false';
        show(hint, `No consent in force covers ${audience} / ${scope}: the ledger will refuse this update and record the attempt.`);
    }
}

/** After a write: read this engagement until the coach view shows it, then show everything again. */
async function refresh(engagementId, version) {
    await untilVersion(
        async () => (await api(`/api/v1/coach/engagements/${encodeURIComponent(engagementId)}`)).data,
        version,
    );
    await load();
}

/** Sends a command; a refusal or conflict needs a new id (a retry of the same id is refused again), an outage keeps it. */
async function submit(path, body, idField, success) {
    try {
        const receipt = (await api(path, { method: 'POST', body })).data;
        idField.value = newId(idField.dataset.prefix);
        await refresh(body.engagementId ?? receipt.engagementId, receipt.version);
        say(success, 'ok');
        return true;
    } catch (error) {
        if (error instanceof ApiError && error.status < 500) idField.value = newId(idField.dataset.prefix);
        say(error.message, 'error');
        const engagementId = error instanceof ApiError && error.problem ? error.problem.engagementId : undefined;
        if (engagementId) await load().catch(() => {});
        return false;
    }
}

shareForm.addEventListener('change', renderConsents);

shareForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = values(shareForm);
    if (!form.engagementId) {
        say('No active engagement to share an update on.', 'error');
        return;
    }
    const body = { updateId: form.updateId, audience: form.audience, scope: form.scope, content: form.content };
    const ok = await submit(
        `/api/v1/engagements/${encodeURIComponent(form.engagementId)}/updates`,
        body,
        document.getElementById('share-id'),
        `Update ${body.updateId} shared with ${body.audience} (${body.scope}) on ${form.engagementId}.`,
    );
    if (ok) document.getElementById('share-content').value = '';
});

sessionForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = values(sessionForm);
    if (!form.engagementId) {
        say('No active engagement to log a session on.', 'error');
        return;
    }
    const body = {
        sessionId: form.sessionId,
        heldOn: form.heldOn,
        durationMinutes: Number(form.durationMinutes),
        notes: form.notes,
    };
    const ok = await submit(
        `/api/v1/engagements/${encodeURIComponent(form.engagementId)}/sessions`,
        body,
        document.getElementById('session-id'),
        `Session ${body.sessionId} logged on ${form.engagementId}.`,
    );
    if (ok) document.getElementById('session-notes').value = '';
});

function today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const shareId = document.getElementById('share-id');
const sessionId = document.getElementById('session-id');
shareId.dataset.prefix = 'u';
sessionId.dataset.prefix = 's';
shareId.value = newId('u');
sessionId.value = newId('s');
const date = document.getElementById('session-date');
date.value = today();
date.max = today();

await signedInBar();
try {
    await load();
} catch (error) {
    say(error.message, 'error');
}
