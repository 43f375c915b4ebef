// The rich-text editor for the article text: Quill, served from WebJars. The HTML
// field stays the form field: Quill writes into it on every change, so saving,
// autosave and a browser without JavaScript all send the same thing. Text with
// elements Quill cannot keep (tables, figures, images, rules) is edited as HTML, so
// nothing is lost on the way; the server sanitizes either on save.
(function () {
  var field = document.getElementById('body');
  if (!field || !window.Quill) return;
  var notKept = /<(table|figure|img|hr|sub|sup|cite|iframe)\b/i;
  var formats = ['header', 'bold', 'italic', 'link', 'blockquote', 'list'];

  var box = document.createElement('div');
  box.className = 'rich-body';
  var surface = document.createElement('div');
  box.appendChild(surface);
  field.parentNode.insertBefore(box, field);

  var toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'secondary body-mode';
  var note = document.createElement('p');
  note.className = 'hint body-note';
  note.setAttribute('role', 'status');
  box.parentNode.insertBefore(toggle, box);
  box.parentNode.insertBefore(note, box);

  var quill = null;

  function html() {
    if (quill.getText().trim() === '') return '';
    return quill.root.innerHTML;
  }

  function richMode() {
    if (notKept.test(field.value)) {
      note.textContent = field.dataset.textNotKept;
      htmlMode();
      return;
    }
    note.textContent = '';
    surface.innerHTML = field.value;
    if (!quill) {
      quill = new Quill(surface, {
        theme: 'snow',
        formats: formats,
        modules: {
          toolbar: [[{ header: [2, 3, 4, false] }], ['bold', 'italic', 'link'],
            ['blockquote', { list: 'ordered' }, { list: 'bullet' }], ['clean']]
        }
      });
      quill.on('text-change', function () { field.value = html(); });
    } else {
      quill.setContents(quill.clipboard.convert(field.value), 'silent');
    }
    field.hidden = true;
    box.hidden = false;
    toggle.textContent = field.dataset.textAsHtml;
    toggle.onclick = htmlMode;
  }

  function htmlMode() {
    field.hidden = false;
    box.hidden = true;
    toggle.textContent = field.dataset.textBack;
    toggle.onclick = richMode;
  }

  // The label points at the editing surface while the editor is shown
  var label = document.querySelector('label[for="body"]');
  richMode();
  if (label && quill) {
    label.addEventListener('click', function (event) {
      if (!box.hidden) { event.preventDefault(); quill.focus(); }
    });
  }
})();
