// The diagnosis field of the protocol form: a click on a suggestion from the ICD-10 search
// (terminology's /terminology/icd10/options fragment) adds the code as a chip with a hidden input.
const chosen = document.getElementById('chosen-diagnoses');
const results = document.getElementById('icd10-results');
const search = document.getElementById('diagnosis-search');

function add(code, name) {
  if ([...chosen.querySelectorAll('input[name="diagnoses"]')].some((input) => input.value === code)) {
    return;
  }
  const chip = document.createElement('span');
  chip.className = 'badge text-bg-primary chosen-diagnosis';
  chip.title = name;
  const label = document.createElement('span');
  label.textContent = code;
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = 'diagnoses';
  input.value = code;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'btn-close btn-close-white ms-1 remove-diagnosis';
  remove.setAttribute('aria-label', '×');
  chip.append(label, input, remove);
  chosen.append(chip);
}

if (results && chosen) {
  results.addEventListener('click', (event) => {
    const option = event.target.closest('.icd10-option');
    if (option) {
      add(option.dataset.code, option.dataset.name);
      results.innerHTML = '';
      search.value = '';
      search.focus();
    }
  });
  chosen.addEventListener('click', (event) => {
    if (event.target.classList.contains('remove-diagnosis')) {
      event.target.closest('.chosen-diagnosis').remove();
    }
  });
  // The search box is part of the form only to ask for suggestions: Enter never sends the protocol.
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
    }
  });
}
