// Shows a questionnaire item only while its condition holds (enableWhen "="), as the server decides
// on submission; the answers of a hidden item are not sent (the server drops them anyway).
(function () {
  const form = document.getElementById('fill-form');
  if (!form) {
    return;
  }
  const items = Array.from(form.querySelectorAll('.q-item'));

  function answers(linkId) {
    const wrapper = document.getElementById('item-' + linkId);
    if (!wrapper || wrapper.hidden) {
      return [];
    }
    return Array.from(form.elements)
      .filter((el) => el.name === 'a.' + linkId)
      .filter((el) => (el.type === 'radio' || el.type === 'checkbox') ? el.checked : el.value.trim() !== '')
      .map((el) => el.value.trim());
  }

  function refresh() {
    // In order: a condition always names an earlier item, so one pass settles chains.
    for (const item of items) {
      const question = item.dataset.enableQuestion;
      if (!question) {
        continue;
      }
      const shown = answers(question).includes(item.dataset.enableAnswer);
      item.hidden = !shown;
      item.querySelectorAll('input, textarea, select').forEach((el) => { el.disabled = !shown; });
    }
  }

  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  refresh();
})();
