// The compliance console: verification with its report, the latest signed checkpoint and verifier key, the
// disclosure ledger with each disclosure's consent trace, and erasures with their notifications. Everything shown
// comes from the COMPLIANCE endpoints, which carry no content; text is inserted as text.
import { api, attempt, fetchText, h, say, show, signedInBar, table, when } from '/assets/ledger.js';

const $ = (id) => document.getElementById(id);

/**
 * Fetches a text resource of the API and hands it to the browser as a file (Blob + object URL), so the session
 * and the API's errors stay with the page (a receipt not yet under a checkpoint is asked again, see fetchText).
 * Resolves to the text.
 */
async function download(path, filename) {
    const text = await fetchText(path);
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = h('a', { href: url, download: filename, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return text;
}

function saved(filename, text) {
    return `Saved ${filename} (${new Blob([text]).size} bytes).`;
}

// ---------------------------------------------------------------------------------------------- verification

const verifyButton = $('run-verification');

async function runVerification() {
    const section = $('verification');
    const started = performance.now();
    const elapsed = () => Math.floor((performance.now() - started) / 1000);
    const tick = () =>
        show(
            $('verification-elapsed'),
            `Running for ${elapsed()} s. The ledger reports no progress figure while it checks, so no percentage is shown.`,
        );
    verifyButton.disabled = true;
    section.setAttribute('aria-busy', 'true');
    $('verification-progress').hidden = false;
    tick();
    const timer = setInterval(tick, 250);
    say('Verification running…');
    try {
        const report = await attempt(
            async () => (await api('/api/v1/compliance/verification')).data,
            undefined,
        );
        if (report) {
            showReport(report, elapsed());
            say(
                report.verified
                    ? `Verified: ${report.eventsChecked} events checked, no problem found.`
                    : `Not verified: ${report.problems.length} problem(s) found.`,
                report.verified ? 'ok' : 'error',
            );
        }
    } finally {
        clearInterval(timer);
        $('verification-progress').hidden = true;
        section.setAttribute('aria-busy', 'false');
        verifyButton.disabled = false;
    }
}

function showReport(report, seconds) {
    const facts = [
        ['Events checked', report.eventsChecked],
        ['Disclosures checked', report.disclosuresChecked],
        ['Unsealed events', report.unsealedEvents],
        ['Chain head (global index)', report.headGlobalIndex],
        ['Chain head hash', h('span', { class: 'hash' }, report.headHash ?? '—')],
        ['Merkle tree size', report.treeSize],
        ['Merkle tree root', h('span', { class: 'hash' }, report.treeRoot ?? '—')],
        ['Took', `${seconds} s`],
    ];
    const problems = report.problems || [];
    show(
        $('verification-report'),
        h(
            'p',
            { class: 'verdict', id: 'verdict', 'data-verified': String(report.verified) },
            report.verified ? '✓ verified' : '✗ not verified',
        ),
        h(
            'dl',
            { class: 'facts', id: 'verification-facts' },
            facts.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value ?? '—')]),
        ),
        h('div', { id: 'report-checkpoints' }, (report.checkpoints || []).length
            ? table(
                  'Signed checkpoints held against the history',
                  ['Source', 'Size', 'Root', 'Consistent'],
                  report.checkpoints,
                  (c) => [c.source, c.size, h('span', { class: 'hash' }, c.root), c.consistent ? 'yes' : 'NO'],
              )
            : h('p', { class: 'muted' }, 'No signed checkpoint to hold the history against yet.')),
        h('div', { id: 'report-problems' }, problems.length
            ? table(
                  `Problems (${problems.length}${report.problemsTruncated ? ', list truncated at 1,000' : ''})`,
                  ['Global index', 'Event id', 'Kind', 'Detail'],
                  problems,
                  (p) => [p.globalIndex ?? '—', h('span', { class: 'hash' }, p.eventId ?? '—'), p.kind, p.detail ?? ''],
              )
            : h('p', { id: 'no-problems' }, 'No problems found.')),
    );
}

// ------------------------------------------------------------------------------------------ checkpoint and key

async function loadLog() {
    await attempt(async () => {
        show($('checkpoint'), await fetchText('/api/v1/log/checkpoint'));
    });
    await attempt(async () => {
        show($('public-key'), await fetchText('/api/v1/log/public-key'));
    });
}

// ------------------------------------------------------------------------------------------- disclosure ledger

let engagementFilter = '';

async function loadDisclosures() {
    const query = engagementFilter ? `?engagementId=${encodeURIComponent(engagementFilter)}` : '';
    const engagements = (await api(`/api/v1/compliance/disclosures${query}`)).data;
    const listed = engagementFilter
        ? engagements
        : engagements.filter((e) => e.disclosures.length || e.refusals.length || (e.legalHolds || []).length);
    const hidden = engagements.length - listed.length;
    show(
        $('disclosures'),
        h(
            'p',
            { id: 'disclosure-summary', class: 'muted' },
            engagementFilter
                ? engagements.length
                    ? `Engagement ${engagementFilter}.`
                    : `No engagement ${engagementFilter} in the disclosure ledger.`
                : `${listed.length} engagement(s) with disclosures, refusals or legal holds` +
                      (hidden ? `; ${hidden} without any are not listed.` : '.'),
        ),
        listed.map(engagementLedger),
    );
    return engagements;
}

function engagementLedger(engagement) {
    const holds = engagement.legalHolds || [];
    return h(
        'article',
        { 'data-engagement-id': engagement.engagementId },
        h('h3', {}, `Engagement ${engagement.engagementId}`),
        engagement.disclosures.length
            ? disclosureTable(engagement)
            : h('p', { class: 'muted' }, 'No disclosure.'),
        engagement.refusals.length
            ? table(
                  'Refused attempts',
                  ['Update', 'Refused', 'Actor', 'Audience', 'Scope', 'Reason', 'Global index'],
                  engagement.refusals,
                  (r) => [r.updateId, when(r.refusedAt), actor(r.actor), r.audience, r.scope, r.reason, r.globalIndex ?? '—'],
              )
            : h('p', { class: 'muted' }, 'No refused attempt.'),
        holds.length
            ? table(
                  'Legal holds',
                  ['Hold', 'Reason', 'Placed by', 'Placed', 'Released'],
                  holds,
                  (hold) => [hold.holdId, hold.reason, hold.placedBy, when(hold.placedAt), hold.releasedAt ? when(hold.releasedAt) : 'in force'],
              )
            : null,
    );
}

function actor(a) {
    return a ? `${a.id} (${a.role})` : '—';
}

function disclosureTable(engagement) {
    const element = table(
        'Disclosures',
        ['Update', 'Shared', 'Actor', 'Recipient', 'Scope', 'Purpose', 'Consent trace', 'Global index', 'Receipt'],
        engagement.disclosures,
        (d) => [
            d.updateId,
            when(d.sharedAt),
            actor(d.actor),
            `${d.recipientId} (${d.audience})`,
            d.scope,
            d.purpose ?? '',
            consentTrace(d.consent),
            d.globalIndex ?? '—',
            h(
                'button',
                {
                    type: 'button',
                    class: 'secondary',
                    'data-receipt': d.eventId,
                    'aria-label': `Download the receipt of update ${d.updateId}`,
                    on: {
                        click: () =>
                            attempt(async () => {
                                const name = `receipt-${engagement.engagementId}-${d.updateId}.txt`;
                                const text = await download(
                                    `/api/v1/compliance/disclosures/${encodeURIComponent(d.eventId)}/receipt`,
                                    name,
                                );
                                say(saved(name, text), 'ok');
                            }),
                    },
                },
                'Download receipt',
            ),
        ],
    );
    element.querySelectorAll('tbody tr').forEach((row, i) => {
        row.dataset.eventId = engagement.disclosures[i].eventId;
        row.dataset.updateId = engagement.disclosures[i].updateId;
    });
    return element;
}

function consentTrace(c) {
    if (!c) return '—';
    return h(
        'ul',
        { class: 'plain consent-trace' },
        h('li', {}, `consent ${c.consentId}`),
        h('li', {}, 'grant event ', h('span', { class: 'hash' }, c.grantEventId ?? '—')),
        c.grantGlobalIndex == null ? h('li', {}, 'no such grant recorded') : h('li', {}, `grant at index ${c.grantGlobalIndex}`),
        c.grantedAt ? h('li', {}, `granted ${when(c.grantedAt)}`) : null,
        c.scopes ? h('li', {}, `scopes ${c.scopes.join(', ')}`) : null,
        c.grantedAt ? h('li', {}, c.validUntil ? `valid until ${when(c.validUntil)}` : 'until revoked') : null,
        c.stateAtDisclosure ? h('li', {}, `state at disclosure ${c.stateAtDisclosure}`) : null,
    );
}

// ---------------------------------------------------------------------------------------------------- erasures

async function loadErasures() {
    const erasures = (await api('/api/v1/compliance/erasures')).data;
    show(
        $('erasures'),
        erasures.length ? erasures.map(erasure) : h('p', { class: 'muted', id: 'no-erasures' }, 'No erasure recorded.'),
    );
    return erasures;
}

function erasure(e) {
    return h(
        'article',
        { 'data-erasure-id': e.erasureId, 'data-client-id': e.clientId },
        h('h3', {}, `Client ${e.clientId} — erasure ${e.erasureId}`),
        h(
            'dl',
            { class: 'facts' },
            h('dt', {}, 'Reference'),
            h('dd', {}, e.reason),
            h('dt', {}, 'Erased'),
            h('dd', {}, `${when(e.erasedAt)} by ${e.erasedBy}`),
            h('dt', {}, 'Engagements'),
            h('dd', {}, e.engagementIds.join(', ') || '—'),
            h('dt', {}, 'Texts stored in clear before sealing'),
            h('dd', {}, String(e.legacyPlaintextFields)),
        ),
        e.recipients.length
            ? recipientTable(e)
            : h('p', { class: 'muted' }, 'No update about this client was shared with anyone: nobody to notify.'),
    );
}

function recipientTable(e) {
    const element = table(
        'Recipients to notify (Art. 19)',
        ['Recipient', 'Updates they received', 'Notified', ''],
        e.recipients,
        (r) => [
            `${r.recipientId} (${r.role})`,
            h(
                'ul',
                { class: 'plain' },
                r.updates.map((u) => h('li', {}, `${u.engagementId} / ${u.updateId}, ${when(u.sharedAt)}`)),
            ),
            notifiedText(r),
            r.notified ? '' : markButton(e, r),
        ],
    );
    element.querySelectorAll('tbody tr').forEach((row, i) => {
        row.dataset.recipientId = e.recipients[i].recipientId;
    });
    return element;
}

function notifiedText(r) {
    return h(
        'span',
        { class: 'notified', 'data-notified': String(r.notified) },
        r.notified ? `notified ${when(r.notifiedAt)} by ${r.notifiedBy}` : 'not notified yet',
    );
}

function markButton(e, r) {
    const button = h(
        'button',
        {
            type: 'button',
            'data-mark-notified': r.recipientId,
            'aria-label': `Mark ${r.recipientId} notified of erasure ${e.erasureId}`,
            on: {
                click: async () => {
                    button.disabled = true;
                    const answer = await attempt(
                        async () =>
                            (
                                await api(
                                    `/api/v1/compliance/erasures/${encodeURIComponent(e.erasureId)}/recipients/${encodeURIComponent(r.recipientId)}/notified`,
                                    { method: 'POST', body: { clientId: e.clientId } },
                                )
                            ).data,
                        `${r.recipientId} recorded as notified of erasure ${e.erasureId}.`,
                    );
                    if (!answer) {
                        button.disabled = false;
                        return;
                    }
                    // the view follows the store a moment later; the answer is the recorded notification
                    const row = button.closest('tr');
                    show(row.cells[2], notifiedText({ notified: true, notifiedAt: answer.notifiedAt, notifiedBy: 'you' }));
                    button.remove();
                },
            },
        },
        'Mark notified',
    );
    return button;
}

// ------------------------------------------------------------------------------------------------------ wiring

verifyButton.addEventListener('click', runVerification);
$('refresh-checkpoint').addEventListener('click', () => loadLog());
$('download-checkpoint').addEventListener('click', () =>
    attempt(async () => {
        const text = await download('/api/v1/log/checkpoint', 'checkpoint.txt');
        show($('checkpoint'), text);
        say(saved('checkpoint.txt', text), 'ok');
    }),
);
$('download-public-key').addEventListener('click', () =>
    attempt(async () => {
        const text = await download('/api/v1/log/public-key', 'ledger.pub');
        say(saved('ledger.pub', text), 'ok');
    }),
);
$('disclosure-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    engagementFilter = $('engagement-filter').value.trim();
    attempt(loadDisclosures);
});
$('show-all').addEventListener('click', () => {
    $('engagement-filter').value = '';
    engagementFilter = '';
    attempt(loadDisclosures);
});
$('refresh-erasures').addEventListener('click', () => attempt(loadErasures, 'Erasures refreshed.'));

await signedInBar();
await Promise.all([loadLog(), attempt(loadDisclosures), attempt(loadErasures)]);
