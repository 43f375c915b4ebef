// Every 30 seconds, keeps what was typed in the editor (headline, lead, text) on the
// server, without creating a revision. Saving the article for real discards it.
(function () {
  var form = document.querySelector('form[data-autosave-url]');
  if (!form || !window.fetch) return;
  var fields = ['headline', 'lead', 'body'];
  function snapshot() {
    return fields.map(function (name) { return form.elements[name] ? form.elements[name].value : ''; }).join('\u0000');
  }
  var last = snapshot();
  setInterval(function () {
    var now = snapshot();
    if (now === last) return;
    var body = new URLSearchParams();
    fields.forEach(function (name) { if (form.elements[name]) body.append(name, form.elements[name].value); });
    var csrf = form.querySelector('input[name="_csrf"]');
    if (csrf) body.append('_csrf', csrf.value);
    fetch(form.dataset.autosaveUrl, { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (r) { if (r.ok) last = now; })
      .catch(function () { /* offline for a moment: the next beat tries again */ });
  }, 30000);
})();
