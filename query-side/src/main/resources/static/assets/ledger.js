// Shared by every page: API calls with the session and its CSRF token, elements built as text (never HTML),
// the signed-in bar, a status line read out by screen readers, and live streams.

/** The CSRF token Spring Security keeps in the XSRF-TOKEN cookie; a write with the session must send it back. */
export function csrfToken() {
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** An answer that was not 2xx: its status and the problem+json the API sent (title, detail, errors). */
export class ApiError extends Error {
    constructor(status, problem) {
        super(problemText(status, problem));
        this.status = status;
        this.problem = problem;
    }
}

function problemText(status, problem) {
    if (!problem) return `The ledger answered ${status}.`;
    const fields = (problem.errors || []).map((e) => `${e.field}: ${e.message}`).join('; ');
    return [problem.title, problem.detail, fields].filter(Boolean).join(' — ');
}

/**
 * Calls the API with the session cookie. JSON in and out; a write sends the CSRF token. A lost session goes back
 * to the sign-in page. Resolves to {data, headers, status}; rejects with an ApiError for any other non-2xx.
 */
export async function api(path, { method = 'GET', body, accept = 'application/json' } = {}) {
    const headers = { Accept: accept, 'X-Requested-With': 'fetch' };
    if (method !== 'GET') {
        headers['X-XSRF-TOKEN'] = csrfToken();
    }
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
    });
    if (response.status === 401) {
        window.location.assign('/');
        throw new ApiError(401, { title: 'Signed out' });
    }
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) {
        throw new ApiError(response.status, typeof data === 'object' ? data : null);
    }
    return { data, headers: response.headers, status: response.status };
}

/**
 * Reads a text resource of the API (a receipt, a checkpoint). A 503 (a disclosure not under a signed checkpoint
 * yet) is asked again once a second, up to `tries` times in all; any other error rejects at once.
 */
export async function fetchText(path, tries = 5) {
    for (let attemptNo = 1; ; attemptNo++) {
        try {
            return (await api(path, { accept: 'text/plain' })).data;
        } catch (error) {
            if (error.status !== 503 || attemptNo >= tries) throw error;
            await new Promise((resolve) => setTimeout(resolve, 1000));
        }
    }
}

/**
 * Builds an element: h('td', {class: 'n'}, 'text', otherElement). Attributes are set as attributes and strings
 * become text nodes, so nothing the API sends is ever parsed as HTML. `on` takes event listeners.
 */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === undefined || value === null || value === false) continue;
        if (name === 'on') {
            for (const [event, listener] of Object.entries(value)) element.addEventListener(event, listener);
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) continue;
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** Replaces what an element shows. */
export function show(element, ...children) {
    element.replaceChildren();
    append(element, children);
    return element;
}

/** A table with a caption and column headers; `cells(row)` gives each row's cells (text or elements). */
export function table(caption, columns, rows, cells) {
    return h(
        'table',
        {},
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.map((row) => h('tr', {}, cells(row).map((cell) => h('td', {}, cell))))),
    );
}

/** A time as the reader's locale shows it, or a dash. */
export function when(iso) {
    return iso ? new Date(iso).toLocaleString() : '—';
}

/** The signed-in person: {id, role, page, writes}. */
export async function me() {
    return (await api('/api/v1/me')).data;
}

/** Fills the page's header: who is signed in, and a sign-out form (a POST with the CSRF token). */
export async function signedInBar() {
    const bar = document.getElementById('signed-in');
    const person = await me();
    // the query service serves the pages read-only: its forms and write buttons are hidden (ledger.css)
    document.body.classList.toggle('read-only', !person.writes);
    show(
        bar,
        h('span', { id: 'who' }, `${person.id} (${person.role})`),
        h(
            'form',
            { method: 'post', action: '/logout' },
            h('input', { type: 'hidden', name: '_csrf', value: csrfToken() }),
            h('button', { type: 'submit' }, 'Sign out'),
        ),
    );
    return person;
}

/** Says something in the page's status line (role=status, read out by screen readers). */
export function say(message, kind = 'info') {
    const status = document.getElementById('status');
    status.dataset.kind = kind;
    show(status, message);
}

/** Runs an action from a control, reporting success or the API's problem in the status line. */
export async function attempt(action, success) {
    try {
        const result = await action();
        if (success) say(success, 'ok');
        return result;
    } catch (error) {
        say(error.message, 'error');
        return undefined;
    }
}

/**
 * Follows a server-sent event stream; EventSource reconnects by itself and sends the session cookie.
 * `onState` hears 'live' or 'reconnecting'.
 */
export function follow(path, eventName, onData, onState = () => {}) {
    const source = new EventSource(path);
    source.addEventListener('open', () => onState('live'));
    source.addEventListener('error', () => onState('reconnecting'));
    source.addEventListener(eventName, (event) => onData(JSON.parse(event.data), event.lastEventId));
    return source;
}

/** The values of a form's named fields. */
export function values(form) {
    return Object.fromEntries(new FormData(form).entries());
}
