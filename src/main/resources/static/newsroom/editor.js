// The editor's live helpers: character counters, the address that follows the headline,
// and a new draft's edition switch. Without JavaScript the form works the same; the server
// checks everything again on save.
(function () {
  'use strict';
  var form = document.querySelector('form.editor');
  if (!form) return;

  // Counters: "52 of 70" turns to a warning past the limit where it matters (search results)
  form.querySelectorAll('.counted').forEach(function (field) {
    var counter = document.getElementById(field.getAttribute('aria-describedby').split(' ')[0]);
    var limit = Number(field.dataset.limit);
    var update = function () {
      var length = Array.from(field.value).length;
      counter.textContent = counter.dataset.text.replace('{0}', length).replace('{1}', limit);
      counter.classList.toggle('over', length > limit);
    };
    field.addEventListener('input', update);
  });

  // The address preview asks the server, which spells Cyrillic the way the saved address will
  var preview = document.getElementById('address-preview');
  var headline = document.getElementById('headline');
  var slugField = document.getElementById('slug');
  var edition = document.getElementById('edition');
  var timer = null;
  var asked = 0;
  function showAddress() {
    if (!preview) return;
    var chosen = slugField.value.trim();
    if (chosen) {
      preview.textContent = preview.dataset.prefix + chosen;
      return;
    }
    var ticket = ++asked;
    var query = new URLSearchParams({ headline: headline.value.slice(0, 300) });
    fetch(preview.dataset.slugUrl + '?' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (answer) { return answer.ok ? answer.json() : null; })
      .then(function (json) {
        // only the newest answer counts: a slow one must not overwrite a later headline
        if (json && ticket === asked) preview.textContent = preview.dataset.prefix + json.slug;
      })
      .catch(function () { /* the preview stays as it was; saving is not affected */ });
  }
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(showAddress, 150);
  }
  if (preview) {
    headline.addEventListener('input', soon);
    slugField.addEventListener('input', soon);
  }

  // A new draft's edition decides its sections, bylines and tags: offer that edition's at once
  if (edition) {
    edition.addEventListener('change', function () {
      var choices = document.querySelector('template.edition-choices[data-edition="' + edition.value + '"]');
      if (!choices) return;
      var selects = [[document.getElementById('section'), 'section']];
      document.querySelectorAll('select.author-choice').forEach(function (s) { selects.push([s, 'authors']); });
      selects.forEach(function (pair) {
        var select = pair[0];
        var offered = choices.content.querySelector('[data-for="' + pair[1] + '"]');
        var kept = select.value;
        var first = select.options.length ? select.options[0].textContent : '';
        select.replaceChildren.apply(select, Array.from(offered.children).map(function (o) { return o.cloneNode(true); }));
        if (select.options.length) select.options[0].textContent = first;
        // a section or byline of the same address in the new edition stays chosen
        select.value = Array.from(select.options).some(function (o) { return o.value === kept; }) ? kept : '';
      });
      var suggestions = document.querySelector('#tag-suggestions .suggestions');
      var tags = choices.content.querySelector('[data-for="tags"]');
      suggestions.replaceChildren.apply(suggestions, Array.from(tags.childNodes).map(function (n) { return n.cloneNode(true); }));
      document.getElementById('tag-suggestions').hidden = tags.children.length === 0;
      if (preview) {
        preview.dataset.prefix = choices.dataset.prefix;
        showAddress();
      }
    });
  }
  // A lead image chosen from the computer is uploaded first when the form is sent, with
  // its progress and the caption as typed; the save then names it by its number. Without
  // JavaScript the file goes with the form
  var file = document.getElementById('leadImageFile');
  var number = document.getElementById('leadImageNumber');
  if (file && number && window.FormData) {
    form.addEventListener('submit', function (event) {
      if (!file.files.length) return;
      event.preventDefault();
      var button = event.submitter;
      var bar = document.getElementById('leadImageProgress');
      var status = document.getElementById('leadImageStatus');
      var data = new FormData();
      data.append('file', file.files[0]);
      data.append('edition', form.elements.namedItem('edition') ? form.elements.namedItem('edition').value : '');
      data.append('caption', document.getElementById('leadImageCaption').value);
      data.append('credit', document.getElementById('leadImageCredit').value);
      var csrf = form.querySelector('input[name="_csrf"]');
      if (csrf) data.append(csrf.name, csrf.value);
      var request = new XMLHttpRequest();
      request.open('POST', '/newsroom/editor/images');
      request.responseType = 'json';
      bar.hidden = false;
      bar.value = 0;
      status.textContent = file.dataset.textUploading;
      request.upload.onprogress = function (e) {
        if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total);
      };
      request.onload = function () {
        bar.hidden = true;
        var json = request.response || {};
        if (request.status !== 200) { status.textContent = json.error || file.dataset.textFailed; return; }
        number.value = String(json.id);
        file.value = '';
        status.textContent = file.dataset.textUploaded.replace('{0}', json.id);
        form.requestSubmit(button || undefined);
      };
      request.onerror = function () { bar.hidden = true; status.textContent = file.dataset.textFailed; };
      request.send(data);
    });
  }
})();
