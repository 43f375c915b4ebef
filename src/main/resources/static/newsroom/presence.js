// Keeps the line of who else is editing this article current while the editor is open.
// Without JavaScript the line is still right when the page loads.
(function () {
  var line = document.querySelector('[data-presence-url]');
  if (!line || !window.fetch) return;
  function beat() {
    var body = new URLSearchParams();
    body.append(line.dataset.csrfName, line.dataset.csrfToken);
    fetch(line.dataset.presenceUrl, { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (names) {
        if (!names) return;
        // the sentence comes from the page, in the newsroom's language
        line.textContent = names.length === 0 ? '' : line.dataset.alsoEditing.replace('{0}', names.join(', '));
      })
      .catch(function () { /* offline for a moment: try again at the next beat */ });
  }
  setInterval(beat, 30000);
})();
