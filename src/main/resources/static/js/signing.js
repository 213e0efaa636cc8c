// «Подписать и отправить» (issue 16): the doctor's key never leaves their token, so the browser
// signs. The page talks to a small adapter:
//   listCertificates() → Promise<[{id, name, serial, validTo, certificate (base64 DER)}]>
//   sign(id, pdfBase64) → Promise<detached CMS SignedData, base64>
// The default adapter is the CryptoPro EDS Browser plug-in (its cadesplugin API); a test installs
// its own as window.medkartaSigningAdapter before the page loads.

const CADES_API = '/js/cadesplugin_api.js';

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error('script'));
    document.head.append(script);
  });
}

async function cadesplugin() {
  if (!window.cadesplugin) {
    // CryptoPro's cadesplugin_api.js, served beside this file where the clinic installed it (README).
    await loadScript(CADES_API);
  }
  const plugin = window.cadesplugin;
  if (!plugin) {
    throw new Error('no-plugin');
  }
  // cadesplugin is a promise that settles once the plug-in answered (or did not).
  await Promise.race([
    Promise.resolve(plugin),
    new Promise((resolve, reject) => setTimeout(() => reject(new Error('no-plugin')), 10000)),
  ]);
  if (typeof plugin.CreateObjectAsync !== 'function') {
    throw new Error('no-plugin');
  }
  return plugin;
}

function subjectPart(subject, key) {
  const match = new RegExp(`(?:^|, )${key}=("[^"]*"|[^,]*)`).exec(subject || '');
  return match ? match[1].replace(/^"|"$/g, '') : '';
}

export const cadesAdapter = {
  async listCertificates() {
    const plugin = await cadesplugin();
    const store = await plugin.CreateObjectAsync('CAdESCOM.Store');
    await store.Open(plugin.CAPICOM_CURRENT_USER_STORE, plugin.CAPICOM_MY_STORE,
      plugin.CAPICOM_STORE_OPEN_MAXIMUM_ALLOWED);
    try {
      const certificates = await store.Certificates;
      const count = await certificates.Count;
      const found = [];
      for (let i = 1; i <= count; i++) {
        const certificate = await certificates.Item(i);
        if (!(await certificate.HasPrivateKey())) {
          continue;
        }
        const subject = await certificate.SubjectName;
        found.push({
          id: await certificate.Thumbprint,
          name: subjectPart(subject, 'CN') || subject,
          serial: await certificate.SerialNumber,
          validTo: new Date(await certificate.ValidToDate).toISOString(),
          certificate: await certificate.Export(plugin.CADESCOM_ENCODE_BASE64),
        });
      }
      return found;
    } finally {
      await store.Close();
    }
  },

  async sign(id, pdfBase64) {
    const plugin = await cadesplugin();
    const store = await plugin.CreateObjectAsync('CAdESCOM.Store');
    await store.Open(plugin.CAPICOM_CURRENT_USER_STORE, plugin.CAPICOM_MY_STORE,
      plugin.CAPICOM_STORE_OPEN_MAXIMUM_ALLOWED);
    try {
      const all = await store.Certificates;
      const matching = await all.Find(plugin.CAPICOM_CERTIFICATE_FIND_SHA1_HASH, id);
      if ((await matching.Count) === 0) {
        throw new Error('no-certificate');
      }
      const signer = await plugin.CreateObjectAsync('CAdESCOM.CPSigner');
      await signer.propset_Certificate(await matching.Item(1));
      await signer.propset_Options(plugin.CAPICOM_CERTIFICATE_INCLUDE_WHOLE_CHAIN);
      const data = await plugin.CreateObjectAsync('CAdESCOM.CadesSignedData');
      // The content is the PDF's exact bytes, handed over as base64 and signed as binary.
      await data.propset_ContentEncoding(plugin.CADESCOM_BASE64_TO_BINARY);
      await data.propset_Content(pdfBase64);
      // Detached CAdES-BES: the signature does not carry the PDF.
      return await data.SignCades(signer, plugin.CADESCOM_CADES_BES, true);
    } finally {
      await store.Close();
    }
  },
};

function adapter() {
  return window.medkartaSigningAdapter || cadesAdapter;
}

const box = document.getElementById('signing');
const form = document.getElementById('protocol-form');

function csrf(headers) {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    headers[header.content] = token.content;
  }
  return headers;
}

function message(key) {
  return box.dataset[key] || key;
}

function showStatus(text, kind) {
  const status = document.getElementById('signing-status');
  status.textContent = text;
  status.className = `small mb-2 ${kind === 'error' ? 'text-danger' : 'text-body-secondary'}`;
}

function clearErrors() {
  form.querySelectorAll('.is-invalid').forEach((field) => field.classList.remove('is-invalid'));
  form.querySelectorAll('.signing-field-error').forEach((error) => error.remove());
  const error = document.getElementById('signing-error');
  error.textContent = '';
  error.hidden = true;
}

function showErrors(errors) {
  Object.entries(errors || {}).forEach(([field, text]) => {
    const input = form.querySelector(`[name="${field}"]`) || (field === 'diagnoses' && document.getElementById('diagnosis-search'));
    if (input && field !== 'signing' && field !== 'signature' && field !== 'certificate' && field !== 'form') {
      input.classList.add('is-invalid');
      const feedback = document.createElement('div');
      feedback.className = 'invalid-feedback signing-field-error';
      feedback.id = `${field}-signing-error`;
      feedback.textContent = text;
      input.after(feedback);
      input.setAttribute('aria-describedby', feedback.id);
    } else {
      const error = document.getElementById('signing-error');
      error.textContent = error.textContent ? `${error.textContent} ${text}` : text;
      error.hidden = false;
    }
  });
}

async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST', body, headers: csrf({ Accept: 'application/json' }), credentials: 'same-origin',
  });
  const json = await response.json().catch(() => ({}));
  return { ok: response.ok, json };
}

let certificates = [];

async function loadCertificates() {
  const select = document.getElementById('certificate-select');
  const button = document.getElementById('sign-and-send');
  try {
    certificates = await adapter().listCertificates();
  } catch (failure) {
    showStatus(message('noPlugin'), 'error');
    document.getElementById('plugin-help').hidden = false;
    return;
  }
  if (certificates.length === 0) {
    showStatus(message('noCertificates'), 'error');
    return;
  }
  select.replaceChildren(...certificates.map((c) => {
    const option = document.createElement('option');
    option.value = c.id;
    const until = c.validTo ? new Date(c.validTo).toLocaleDateString('ru-RU') : '';
    option.textContent = `${c.name} — ${c.serial}${until ? ` (${message('validTo')} ${until})` : ''}`;
    return option;
  }));
  select.disabled = false;
  button.disabled = false;
  showStatus(message('choose'));
}

async function signAndSend() {
  const button = document.getElementById('sign-and-send');
  const chosen = certificates.find((c) => c.id === document.getElementById('certificate-select').value);
  clearErrors();
  if (!chosen) {
    showErrors({ signing: message('choose') });
    return;
  }
  button.disabled = true;
  let leaving = false;
  try {
    showStatus(message('drafting'));
    const data = new FormData(form);
    data.delete('q');
    data.delete('keyPassword');
    data.set('certificate', chosen.certificate);
    const draft = await post(box.dataset.draftUrl, data);
    if (!draft.ok) {
      showErrors(draft.json.errors || { signing: message('failed') });
      showStatus('');
      return;
    }
    showStatus(message('signing'));
    let signature;
    try {
      signature = await adapter().sign(chosen.id, draft.json.pdf);
    } catch (failure) {
      showErrors({ signing: message('signFailed') });
      showStatus('');
      return;
    }
    const body = new FormData();
    body.set('signature', signature);
    const sent = await post(box.dataset.signUrl, body);
    if (!sent.ok) {
      showErrors(sent.json.errors || { signing: message('failed') });
      showStatus('');
      return;
    }
    // Sent: the button stays disabled while the closed consultation loads, so it cannot send twice.
    leaving = true;
    window.location.assign(sent.json.location);
  } finally {
    button.disabled = leaving;
  }
}

if (box && form) {
  document.getElementById('sign-and-send').addEventListener('click', signAndSend);
  loadCertificates();
}
