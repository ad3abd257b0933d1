// Used by the pages that write (client, boss, coach): ids for the records a page creates, and waiting until the reader's own view
// shows a write it made (docs/http-api.md, "Versions: waiting for your own write").

/** A fresh id such as "u-3f9c01a2b7d4" (works without a secure context, unlike crypto.randomUUID). */
export function newId(prefix) {
    const bytes = new Uint8Array(6);
    crypto.getRandomValues(bytes);
    return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Reads a view until its `version` reaches the receipt's, or the deadline passes (the views follow the event
 * store within milliseconds, so this is normally one or two reads). Resolves to the last answer read.
 */
export async function untilVersion(read, version, { deadlineMs = 5000, everyMs = 100 } = {}) {
    const end = Date.now() + deadlineMs;
    for (;;) {
        const view = await read();
        if (view && typeof version === 'number' && view.version >= version) return view;
        if (Date.now() >= end) return view;
        await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
}

/** The options of a <select>, keeping the chosen value when it is still offered. */
export function options(select, entries, placeholder) {
    const chosen = select.value;
    select.replaceChildren();
    if (entries.length === 0) {
        const none = document.createElement('option');
        none.value = '';
        none.textContent = placeholder;
        select.append(none);
    }
    for (const [value, text] of entries) {
        const option = document.createElement('option');
        option.value = value;
        option.textContent = text;
        select.append(option);
    }
    if (entries.some(([value]) => value === chosen)) select.value = chosen;
    select.disabled = entries.length === 0;
}

/** A budget as "8 sessions, 9600.00 EUR", or a dash. */
export function budgetText(budget) {
    return budget ? `${budget.sessions} sessions, ${Number(budget.amount).toFixed(2)} ${budget.currency}` : '—';
}

export const SCOPES = ['PROGRESS', 'ATTENDANCE', 'GOALS', 'OUTCOME'];
