// What every page does in script, loaded by the layout as a module. The Content-Security-Policy runs
// no inline script or event handler, so behaviour is declared with data attributes and wired here:
//   <form data-confirm="Question?" data-confirm-action="Cancel the visit">  asks before submitting;
//   an htmx element with data-confirm asks before its request (instead of hx-confirm);
//   <select data-submit>   submits its form when changed;
//   <select data-navigate="/record/">  goes to that prefix plus the chosen value;
//   <button data-print>   opens the browser's print dialog (the appointment slip).

const dialog = document.getElementById('confirm-dialog');

/**
 * Asks in the layout's <dialog>: focus starts on the button that keeps things as they are, Escape
 * or that button closes without acting, Enter on the confirm button acts. Focus returns to what
 * opened it.
 */
function ask(element, act) {
  if (!dialog || typeof dialog.showModal !== 'function') {
    // No dialog element (an old browser): the browser's own confirmation still asks.
    if (window.confirm(element.dataset.confirm)) {
      act();
    }
    return;
  }
  const opener = document.activeElement;
  dialog.querySelector('.confirm-message').textContent = element.dataset.confirm;
  const accept = dialog.querySelector('.confirm-accept');
  accept.textContent = element.dataset.confirmAction || accept.dataset.default;
  dialog.returnValue = '';
  dialog.addEventListener(
    'close',
    () => {
      if (opener instanceof HTMLElement) {
        opener.focus();
      }
      if (dialog.returnValue === 'confirm') {
        act();
      }
    },
    { once: true }
  );
  dialog.showModal();
  dialog.querySelector('.confirm-keep').focus();
}

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) {
    return;
  }
  if (form.dataset.confirmed === 'true') {
    // The confirmed submission itself; a page restored by Back asks again.
    delete form.dataset.confirmed;
    return;
  }
  event.preventDefault();
  const submitter = event.submitter;
  ask(form, () => {
    form.dataset.confirmed = 'true';
    form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
  });
});

document.addEventListener('htmx:confirm', (event) => {
  const element = event.detail.elt;
  if (!element || !element.dataset || !element.dataset.confirm) {
    return;
  }
  event.preventDefault();
  ask(element, () => event.detail.issueRequest(true));
});

document.addEventListener('change', (event) => {
  const field = event.target;
  if (!(field instanceof HTMLSelectElement)) {
    return;
  }
  if (field.dataset.navigate !== undefined) {
    window.location.href = field.dataset.navigate + encodeURIComponent(field.value);
  } else if (field.dataset.submit !== undefined && field.form) {
    field.form.requestSubmit();
  }
});

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-print]') : null;
  if (button) {
    window.print();
  }
});

// Keyboard and screen-reader users (issue 22): after an htmx swap a person asked for (a click, a
// submit, a change), focus goes to the first field in error within what was swapped in, or else to
// its first heading, so that the new content is where reading goes on; a swap that polling or a
// socket brought (the walk-in board, the chat) leaves focus alone and is announced by its
// aria-live region instead.
const ASKED = new Set(['click', 'submit', 'change', 'keyup', 'keydown', 'input', 'search']);

function focusOn(element) {
  if (!element) {
    return false;
  }
  if (!element.matches('a[href], button, input, select, textarea, [tabindex]')) {
    element.setAttribute('tabindex', '-1');
  }
  element.focus({ preventScroll: false });
  return true;
}

document.addEventListener('htmx:afterSwap', (event) => {
  const config = event.detail.requestConfig;
  const trigger = config && config.triggeringEvent;
  if (!trigger || !ASKED.has(trigger.type)) {
    return;
  }
  const region = event.detail.target;
  if (!(region instanceof Element) || !region.isConnected) {
    return;
  }
  const invalid = region.querySelector('.is-invalid, [aria-invalid="true"]');
  if (invalid) {
    focusOn(invalid);
    return;
  }
  // Typing into a search field that refreshes the results keeps the caret where it is.
  if (trigger.type === 'keyup' || trigger.type === 'input' || trigger.type === 'search') {
    return;
  }
  // Focus that survived the swap stays; focus lost with the replaced element goes to the heading.
  if (document.activeElement && document.activeElement !== document.body && document.activeElement.isConnected) {
    return;
  }
  focusOn(region.querySelector('h1, h2, h3, h4, [role="alert"]'));
});

// A page shown again with errors beside its fields (a form posted without script) starts at the
// first of them, so a screen reader reads the field and its message first.
const firstInvalid = document.querySelector('main .is-invalid, main [aria-invalid="true"]');
if (firstInvalid instanceof HTMLElement) {
  firstInvalid.focus();
}

// The installable app (issue 22): the service worker keeps the shell, and a patient's appointments
// and record summary for reading offline. Medical pages leave the browser's cache on sign-out and
// on any page of a session that is not a patient's alone (staff, or no one signed in).
function forgetPatientPages() {
  if ('caches' in window) {
    caches.delete('medkarta-patient');
  }
}

if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
}
if (document.body.dataset.session !== 'patient') {
  forgetPatientPages();
}
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && new URL(form.action, location.href).pathname === '/sign-out') {
    forgetPatientPages();
  }
});
