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
