// The client's privacy page: their engagements, sessions with notes, consents to grant and revoke, and
// "who saw what about me" (every disclosure with its receipt, every refused attempt). Reads only the client view.
import { api, ApiError, attempt, fetchText, h, say, show, signedInBar, table, values, when } from '/assets/ledger.js';
import { newId, untilVersion } from '/assets/own-write.js';

const LIST = '/api/v1/client/engagements';
const RECEIPT_HEADER = 'c2sp.org/tlog-proof@v1';

const $ = (id) => document.getElementById(id);
let current = null; // the engagement shown, as the client view answered it

function path(engagementId, ...rest) {
    return [`/api/v1/engagements/${encodeURIComponent(engagementId)}`, ...rest].join('/');
}

// ---- the list ----------------------------------------------------------------------------------------------

async function loadList() {
    const engagements = (await api(LIST)).data;
    const list = $('engagements');
    if (engagements.length === 0) {
        show(list, h('li', { class: 'muted' }, 'You have no engagements yet.'));
        return engagements;
    }
    show(
        list,
        engagements.map((e) =>
            h(
                'li',
                {},
                h(
                    'button',
                    {
                        type: 'button',
                        class: 'secondary',
                        'data-engagement-id': e.engagementId,
                        'aria-current': current && current.engagementId === e.engagementId ? 'true' : 'false',
                        on: { click: () => attempt(() => choose(e.engagementId)) },
                    },
                    `${e.engagementId} — ${e.purpose}, ${e.status}, opened ${when(e.openedAt)}`,
                ),
            ),
        ),
    );
    return engagements;
}

/** Shows one engagement and remembers it in the address (#engagement=<id>), so a reload shows it again. */
async function choose(engagementId) {
    history.replaceState(null, '', `#engagement=${encodeURIComponent(engagementId)}`);
    try {
        await reload(engagementId, 0);
    } catch (error) {
        current = null;
        $('engagement').hidden = true;
        throw error.status === 404 ? new ApiError(404, { title: `No engagement ${engagementId} of yours.` }) : error;
    }
    for (const button of document.querySelectorAll('#engagements button')) {
        button.setAttribute('aria-current', String(button.dataset.engagementId === engagementId));
    }
}

/**
 * Reads the engagement until the view shows at least `version` (the version a command answered): views follow
 * the event store within milliseconds, not inside the command's transaction.
 */
async function reload(engagementId, version) {
    const shown = $('engagement');
    shown.setAttribute('aria-busy', 'true'); // while reading: tests and assistive technology wait for the answer
    try {
        const engagement = await untilVersion(
            async () => (await api(`${LIST}/${encodeURIComponent(engagementId)}`)).data,
            version ?? 0,
            { deadlineMs: 10000 },
        );
        current = engagement;
        render(engagement);
        return engagement;
    } finally {
        shown.setAttribute('aria-busy', 'false');
    }
}

/** Sends a command of the shown engagement, then shows the engagement as it is after it. */
async function command(suffix, body) {
    const engagementId = current.engagementId;
    const answer = (await api(path(engagementId, suffix), { method: 'POST', body })).data;
    await reload(engagementId, answer.version);
    await loadList();
    return answer;
}

// ---- one engagement ----------------------------------------------------------------------------------------

function render(e) {
    $('engagement').hidden = false;
    $('engagement').dataset.engagementId = e.engagementId;
    show($('overview-title'), `Engagement ${e.engagementId}`);
    const budget = e.budget ? `${e.budget.sessions} sessions, ${e.budget.amount} ${e.budget.currency}` : 'not approved yet';
    const facts = [
        ['Status', h('span', { id: 'engagement-status' }, e.status)],
        ['Purpose', e.purpose],
        ['Urgency', e.urgency],
        ['Your boss', e.bossId],
        ['Your coach', h('span', { id: 'selected-coach' }, e.selectedCoachId || 'not chosen yet')],
        ['Budget', budget],
        ['Opened', when(e.openedAt)],
    ];
    if (e.closedAt) facts.push(['Closed', `${when(e.closedAt)} (${e.outcome}): ${e.closeReason ?? '—'}`]);
    show($('overview'), facts.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
    $('erased').hidden = e.erased.length === 0;
    show($('erased'), e.erased.length ? `Erased at your request: ${e.erased.join(', ')}.` : '');
    renderSelection(e);
    renderSessions(e);
    renderConsents(e);
    renderDisclosures(e);
    renderRequests(e);
    renderSatisfaction(e);
}

function renderSelection(e) {
    const open = !e.selectedCoachId && e.shortlist.length > 0 && e.status !== 'CLOSED';
    $('selection').hidden = !open;
    show(
        $('shortlist'),
        e.shortlist.flatMap((coachId, i) => [
            h('input', { type: 'radio', name: 'coachId', id: `coach-${coachId}`, value: coachId, required: true, checked: i === 0 }),
            h('label', { for: `coach-${coachId}` }, coachId),
        ]),
    );
}

function renderSessions(e) {
    show(
        $('sessions'),
        e.sessions.length === 0
            ? h('p', { class: 'muted' }, 'No sessions logged yet.')
            : table('Your sessions and their notes (between you and your coach)', ['Session', 'Held on', 'Minutes', 'Coach', 'Notes'],
                e.sessions, (s) => [s.sessionId, s.heldOn, String(s.durationMinutes), s.coachId, s.notes ?? '(erased)']),
    );
    for (const [i, s] of e.sessions.entries()) {
        $('sessions').querySelectorAll('tbody tr')[i].dataset.sessionId = s.sessionId;
    }
}

function renderConsents(e) {
    const closed = e.status === 'CLOSED';
    $('consents-closed').hidden = !closed;
    $('grant-title').hidden = closed;
    $('grant-consent').hidden = closed;
    if (e.consents.length === 0) {
        show($('consents'), h('p', { class: 'muted' }, 'You have granted no consent: nothing is shared.'));
        return;
    }
    const rows = e.consents.map((c) =>
        h(
            'tr',
            { id: `consent-${c.consentId}`, 'data-consent-id': c.consentId, 'data-state': c.state },
            h('td', { class: 'nowrap' }, c.consentId),
            h('td', {}, h('span', { class: 'state', 'data-state': c.state }, c.state),
                c.stateChangedAt && c.state !== 'ACTIVE' ? h('div', { class: 'muted' }, when(c.stateChangedAt)) : null,
                c.revokeReason ? h('div', { class: 'muted' }, `“${c.revokeReason}”`) : null),
            h('td', {}, c.audience),
            h('td', {}, c.scopes.join(', ')),
            h('td', {}, c.purpose),
            h('td', {}, c.validUntil ? when(c.validUntil) : 'until revoked'),
            h('td', {}, when(c.grantedAt)),
            h('td', {}, c.state === 'ACTIVE' ? revokeForm(c) : ''),
        ),
    );
    show(
        $('consents'),
        h(
            'table',
            {},
            h('caption', {}, 'Every consent you granted'),
            h('thead', {}, h('tr', {}, ['Consent', 'State', 'Audience', 'Scopes', 'Purpose', 'Valid until', 'Granted', 'Revoke']
                .map((c) => h('th', { scope: 'col' }, c)))),
            h('tbody', {}, rows),
        ),
    );
}

function revokeForm(consent) {
    const reasonId = `revoke-reason-${consent.consentId}`;
    return h(
        'form',
        {
            class: 'revoke',
            'data-consent-id': consent.consentId,
            on: {
                submit: (event) => {
                    event.preventDefault();
                    const reason = values(event.target).reason.trim();
                    attempt(
                        () => command(`consents/${encodeURIComponent(consent.consentId)}/revocation`, reason ? { reason } : {}),
                        `Consent ${consent.consentId} revoked: nothing more is shared under it.`,
                    );
                },
            },
        },
        h('label', { for: reasonId, class: 'visually-hidden' }, `Reason for revoking ${consent.consentId} (optional)`),
        h('input', { id: reasonId, name: 'reason', maxlength: 500, placeholder: 'reason (optional)' }),
        h('button', { type: 'submit' }, 'Revoke'),
    );
}

function renderDisclosures(e) {
    show(
        $('disclosures'),
        e.disclosures.length === 0
            ? h('p', { class: 'muted' }, 'Nothing about you has been shared.')
            : h(
                'table',
                {},
                h('caption', {}, 'Every update shared about you'),
                h('thead', {}, h('tr', {}, ['Recipient', 'Scope', 'When', 'Under consent', 'What was shared', 'Shared by', 'Receipt']
                    .map((c) => h('th', { scope: 'col' }, c)))),
                h('tbody', {}, e.disclosures.map((d) => h(
                    'tr',
                    { 'data-update-id': d.updateId },
                    h('td', {}, `${d.recipientId} (${d.audience})`),
                    h('td', {}, d.scope),
                    h('td', {}, when(d.sharedAt)),
                    h('td', {}, h('a', { href: `#consent-${d.consentId}`, class: 'consent-link nowrap', 'data-consent-id': d.consentId }, d.consentId),
                        d.purpose ? h('div', { class: 'muted' }, d.purpose) : null),
                    h('td', {}, d.content ?? '(erased)'),
                    h('td', {}, d.sharedBy),
                    h('td', {}, h('button', {
                        type: 'button',
                        class: 'secondary receipt',
                        'data-update-id': d.updateId,
                        on: { click: (event) => attempt(() => downloadReceipt(e.engagementId, d.updateId, event.target)) },
                    }, 'Download receipt')),
                ))),
            ),
    );
    show(
        $('refusals'),
        e.refusals.length === 0
            ? h('p', { class: 'muted' }, 'No refused attempts.')
            : table('Refused attempts: shares the ledger stopped because no consent covered them', ['Who tried', 'To', 'Scope', 'Why refused', 'When'],
                e.refusals, (r) => [r.attemptedBy, r.audience, r.scope, h('span', { class: 'refused' }, r.reason), when(r.refusedAt)]),
    );
    for (const [i, r] of e.refusals.entries()) {
        $('refusals').querySelectorAll('tbody tr').item(i).dataset.updateId = r.updateId;
    }
    show(
        $('recipients'),
        e.recipients.length === 0
            ? ''
            : table('Everyone who received an update about you, in any engagement (GDPR Art. 19)', ['Recipient', 'Role', 'Updates'],
                e.recipients, (r) => [r.recipientId, r.role, r.updates.map((u) => `${u.engagementId}/${u.updateId}`).join(', ')]),
    );
}

/**
 * Fetches the disclosure's receipt (text/plain, two tlog-proof blocks under a signed checkpoint) and offers it as
 * a file. A disclosure not sealed yet answers 503 (retried for a few seconds); 404/409 mean no receipt exists.
 */
async function downloadReceipt(engagementId, updateId, button) {
    const url = `${LIST}/${encodeURIComponent(engagementId)}/disclosures/${encodeURIComponent(updateId)}/receipt`;
    say(`Fetching the receipt for ${updateId}…`);
    let text;
    try {
        text = await fetchText(url, 10);
    } catch (error) {
        if (error.status === 503) {
            throw new ApiError(503, { title: `The receipt for ${updateId} is not signed yet; try again in a moment.` });
        }
        if (error.status === 404 || error.status === 409) {
            throw new ApiError(error.status, { title: `No receipt exists for ${updateId}.`, detail: error.message });
        }
        throw error;
    }
    if (typeof text !== 'string' || !text.startsWith(RECEIPT_HEADER)) {
        throw new ApiError(500, { title: `The ledger's answer for ${updateId} is not a receipt.` });
    }
    const name = `receipt-${engagementId}-${updateId}.txt`;
    const link = h('a', {
        href: URL.createObjectURL(new Blob([text], { type: 'text/plain' })),
        download: name,
        class: 'receipt-file',
        'data-update-id': updateId,
        'data-header': text.split('\n', 1)[0],
    }, `Save ${name} again`);
    button.parentElement.querySelector('a.receipt-file')?.remove();
    button.after(' ', link);
    link.click();
    say(`Receipt for ${updateId} downloaded as ${name} (${RECEIPT_HEADER}, ${text.length} characters). `
        + 'Check it offline: java -jar ledger-app.jar verify-receipt ' + name + ' --public-key ledger.pub', 'ok');
}

function renderRequests(e) {
    show(
        $('requests'),
        e.openRequests.length === 0
            ? h('p', { class: 'muted' }, 'Nobody is waiting for an update.')
            : table('Updates your boss or HR asked for (shared only under a consent of yours)', ['Request', 'From', 'Scope', 'Message', 'Asked'],
                e.openRequests, (r) => [r.requestId, `${r.requestedBy} (${r.audience})`, r.scope, r.message ?? '(erased)', when(r.requestedAt)]),
    );
}

function renderSatisfaction(e) {
    show(
        $('satisfaction'),
        e.satisfaction
            ? `You rated this engagement ${e.satisfaction.score} of 5${e.satisfaction.comment ? `: “${e.satisfaction.comment}”` : '.'}`
            : 'You have not rated this engagement yet.',
    );
}

// ---- forms -------------------------------------------------------------------------------------------------

$('select-coach').addEventListener('submit', (event) => {
    event.preventDefault();
    const { coachId } = values(event.target);
    attempt(() => command('coach-selection', { coachId }), `You chose ${coachId} as your coach.`);
});

$('grant-consent').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    const scopes = new FormData(form).getAll('scopes');
    const { audience, purpose, validUntil } = values(form);
    if (scopes.length === 0) {
        say('Choose at least one thing they may be told.', 'error');
        return;
    }
    const consentId = newId('c');
    const body = { consentId, audience, scopes, purpose };
    if (validUntil) body.validUntil = `${validUntil}T23:59:59Z`;
    attempt(async () => {
        await command('consents', body);
        form.reset();
    }, `Consent ${consentId} granted: ${audience} may be told ${scopes.join(', ')}.`);
});

$('rate').addEventListener('submit', (event) => {
    event.preventDefault();
    const { score, comment } = values(event.target);
    const body = { score: Number(score) };
    if (comment.trim()) body.comment = comment.trim();
    attempt(() => command('satisfaction', body), `Thank you: you rated ${score} of 5.`);
});

// ---- start -------------------------------------------------------------------------------------------------

/** The engagement the address names (#engagement=<id>), if any. */
function asked() {
    return new URLSearchParams(location.hash.substring(1)).get('engagement');
}

window.addEventListener('hashchange', () => {
    if (asked() && asked() !== current?.engagementId) attempt(() => choose(asked()));
});

await signedInBar();
const engagements = await attempt(loadList);
if (asked()) {
    await attempt(() => choose(asked()));
} else if (engagements && engagements.length > 0) {
    await attempt(() => choose(engagements[engagements.length - 1].engagementId));
}
