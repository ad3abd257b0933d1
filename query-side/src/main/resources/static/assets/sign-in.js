import { csrfToken, say } from '/assets/ledger.js';

const messages = {
    failed: ['Sign-in failed: wrong user name or password, or too many attempts (wait a minute).', 'error'],
    'signed-out': ['You are signed out.', 'ok'],
    'no-page': ['Your role has no page: use the API.', 'info'],
};
for (const [parameter, [message, kind]] of Object.entries(messages)) {
    if (new URLSearchParams(window.location.search).has(parameter)) say(message, kind);
}
// the token is read when the form is sent: the page's answer set its cookie
document.getElementById('sign-in').addEventListener('submit', () => {
    document.getElementById('csrf').value = csrfToken();
});
