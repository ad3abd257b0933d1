// The boss page: their engagements, the updates the client consented to share with them, requesting an update
// and approving a budget. Reads only the boss view (/api/v1/boss/...), which holds no session data.
import { api, attempt, h, say, show, signedInBar, values, when } from '/assets/ledger.js';
import { budgetText, newId, options, untilVersion } from '/assets/own-write.js';

const engagementsBox = document.getElementById('engagements');
const updatesBox = document.getElementById('updates');
const requestForm = document.getElementById('request-update');
const budgetForm = document.getElementById('approve-budget');

let engagements = [];

async function load() {
    engagements = (await api('/api/v1/boss/engagements')).data;
    engagements.sort((a, b) => (b.openedAt || '').localeCompare(a.openedAt || ''));
    render();
}

function render() {
    renderEngagements();
    renderUpdates();
    options(
        document.getElementById('request-engagement'),
        engagements.filter((e) => e.status !== 'CLOSED').map((e) => [e.engagementId, `${e.engagementId} (${e.status})`]),
        'No open engagement',
    );
    options(
        document.getElementById('budget-engagement'),
        engagements
            .filter((e) => e.status === 'SHORTLISTED' && !e.budget)
            .map((e) => [e.engagementId, `${e.engagementId} (${e.clientId})`]),
        'No engagement waits for a budget',
    );
}

function renderEngagements() {
    if (engagements.length === 0) {
        show(engagementsBox, h('p', { class: 'muted' }, 'No engagement names you as its boss yet.'));
        return;
    }
    const columns = ['Engagement', 'Client', 'Status', 'Purpose', 'Urgency', 'Coach', 'Budget', 'Opened', 'Updates'];
    show(
        engagementsBox,
        h(
            'table',
            { id: 'engagement-list' },
            h('caption', {}, `${engagements.length} engagement${engagements.length === 1 ? '' : 's'}`),
            h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
            h(
                'tbody',
                {},
                engagements.map((e) =>
                    h(
                        'tr',
                        { 'data-engagement-id': e.engagementId, 'data-status': e.status },
                        h('th', { scope: 'row' }, e.engagementId),
                        h('td', {}, e.clientId),
                        h('td', {}, h('span', { class: 'badge', 'data-status': e.status }, e.status),
                            e.outcome ? ` ${e.outcome}` : ''),
                        h('td', {}, e.purpose),
                        h('td', {}, e.urgency),
                        h('td', { class: 'coach' }, e.selectedCoachId || '—'),
                        h('td', { class: 'budget' }, budgetText(e.budget)),
                        h('td', {}, when(e.openedAt)),
                        h('td', {}, String((e.updates || []).length)),
                    ),
                ),
            ),
        ),
    );
}

function renderUpdates() {
    const updates = engagements
        .flatMap((e) => (e.updates || []).map((u) => ({ ...u, engagementId: e.engagementId, erased: e.erased || [] })))
        .sort((a, b) => (b.sharedAt || '').localeCompare(a.sharedAt || ''));
    if (updates.length === 0) {
        show(updatesBox, h('p', { class: 'muted' }, 'No update has been shared with you yet.'));
        return;
    }
    const columns = ['Engagement', 'Scope', 'Update', 'From', 'When', 'Under consent'];
    show(
        updatesBox,
        h(
            'table',
            { id: 'update-list' },
            h('caption', {}, 'Newest first'),
            h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
            h(
                'tbody',
                {},
                updates.map((u) =>
                    h(
                        'tr',
                        { 'data-update-id': u.updateId, 'data-engagement-id': u.engagementId },
                        h('td', {}, u.engagementId),
                        h('td', {}, u.scope),
                        h(
                            'td',
                            { class: 'notes' },
                            u.content ?? (u.erased.includes(`updates[${u.updateId}].content`)
                                ? h('span', { class: 'suppressed' }, 'erased with the client’s data')
                                : '—'),
                        ),
                        h('td', {}, u.sharedBy),
                        h('td', {}, when(u.sharedAt)),
                        h('td', {}, u.consentId),
                    ),
                ),
            ),
        ),
    );
}

/** After a write: read this engagement until the boss view shows it, then show everything again. */
async function refresh(engagementId, version) {
    await untilVersion(
        async () => (await api(`/api/v1/boss/engagements/${encodeURIComponent(engagementId)}`)).data,
        version,
    );
    await load();
}

requestForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = values(requestForm);
    if (!form.engagementId) {
        say('Choose an engagement first.', 'error');
        return;
    }
    const requestId = newId('r');
    const body = { requestId, scope: form.scope };
    if (form.message.trim()) body.message = form.message;
    const done = await attempt(async () => {
        const receipt = (
            await api(`/api/v1/engagements/${encodeURIComponent(form.engagementId)}/update-requests`, {
                method: 'POST',
                body,
            })
        ).data;
        await refresh(form.engagementId, receipt.version);
        return receipt;
    }, `Update requested on ${form.engagementId} (${form.scope}, request ${requestId}).`);
    if (done) requestForm.reset();
});

budgetForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = values(budgetForm);
    if (!form.engagementId) {
        say('No engagement waits for a budget.', 'error');
        return;
    }
    const body = { sessions: Number(form.sessions), amount: Number(form.amount), currency: form.currency.trim().toUpperCase() };
    const done = await attempt(async () => {
        const receipt = (
            await api(`/api/v1/engagements/${encodeURIComponent(form.engagementId)}/budget-approval`, {
                method: 'POST',
                body,
            })
        ).data;
        await refresh(form.engagementId, receipt.version);
        return receipt;
    }, `Budget approved on ${form.engagementId}: ${budgetText(body)}.`);
    // A refusal (say, another budget approved meanwhile from elsewhere) leaves its message; show what is true now.
    if (!done) await load().catch(() => {});
});

await signedInBar();
await attempt(load);
