// The rich-text editor for the article text: Quill, served from WebJars. The HTML
// field stays the form field: Quill writes into it on every change, so saving,
// autosave and a browser without JavaScript all send the same thing. Images (a figure
// with caption and credit), galleries and embeds are blocks of their own, placed from the
// toolbar; text with elements Quill cannot keep (tables, pull quotes, rules) is edited as
// HTML, so nothing is lost on the way. The server sanitizes either on save.
(function () {
  var field = document.getElementById('body');
  if (!field || !window.Quill) return;
  var text = field.dataset;
  var formats = ['header', 'bold', 'italic', 'link', 'blockquote', 'list', 'imageFigure', 'gallery', 'embedFigure'];
  var BlockEmbed = Quill.import('blots/block/embed');

  // --- The blocks -------------------------------------------------------------------

  // sizes: how wide the public page draws the picture (media.ImageSlots)
  function figureOf(image, sizes) {
    var figure = document.createElement('figure');
    figure.className = 'image';
    var img = document.createElement('img');
    img.setAttribute('src', image.src);
    if (image.srcset) img.setAttribute('srcset', image.srcset);
    img.setAttribute('sizes', sizes || text.sizesBody);
    if (image.width) img.setAttribute('width', image.width);
    if (image.height) img.setAttribute('height', image.height);
    img.setAttribute('alt', image.caption || '');
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
    if (image.webpSrcset) {
      // WebP where the browser takes it, the JPEG otherwise
      var picture = document.createElement('picture');
      var source = document.createElement('source');
      source.setAttribute('type', 'image/webp');
      source.setAttribute('srcset', image.webpSrcset);
      source.setAttribute('sizes', sizes || text.sizesBody);
      picture.appendChild(source);
      picture.appendChild(img);
      figure.appendChild(picture);
    } else {
      figure.appendChild(img);
    }
    if (image.caption || image.credit) {
      var caption = document.createElement('figcaption');
      caption.appendChild(document.createTextNode(image.caption || ''));
      if (image.credit) {
        var credit = document.createElement('span');
        credit.className = 'credit';
        credit.textContent = image.credit;
        caption.appendChild(document.createTextNode(' '));
        caption.appendChild(credit);
      }
      figure.appendChild(caption);
    }
    return figure;
  }

  function imageOf(figure) {
    var img = figure.querySelector('img');
    var source = figure.querySelector('source[type="image/webp"]');
    var credit = figure.querySelector('figcaption .credit');
    var caption = figure.querySelector('figcaption');
    var captionText = '';
    if (caption) {
      caption.childNodes.forEach(function (node) { if (node !== credit) captionText += node.textContent; });
    }
    return {
      src: img ? img.getAttribute('src') : '', srcset: img ? img.getAttribute('srcset') : '',
      webpSrcset: source ? source.getAttribute('srcset') : '',
      width: img ? img.getAttribute('width') : '', height: img ? img.getAttribute('height') : '',
      caption: captionText.trim(), credit: credit ? credit.textContent.trim() : ''
    };
  }

  class EmbedFigure extends BlockEmbed {
    static create(value) {
      var node = super.create();
      node.setAttribute('contenteditable', 'false');
      node.setAttribute('data-embed', value.provider);
      node.setAttribute('data-embed-src', value.frame);
      var link = document.createElement('a');
      link.setAttribute('href', value.link);
      link.textContent = value.label;
      node.appendChild(link);
      return node;
    }
    static value(node) {
      var link = node.querySelector('a');
      return { provider: node.getAttribute('data-embed'), frame: node.getAttribute('data-embed-src'),
        link: link ? link.getAttribute('href') : '', label: link ? link.textContent : '' };
    }
  }
  EmbedFigure.blotName = 'embedFigure';
  EmbedFigure.tagName = 'FIGURE';
  EmbedFigure.className = 'embed';

  class Gallery extends BlockEmbed {
    static create(images) {
      var node = super.create();
      node.setAttribute('contenteditable', 'false');
      images.forEach(function (image) { node.appendChild(figureOf(image, text.sizesGallery)); });
      return node;
    }
    static value(node) {
      return Array.from(node.querySelectorAll('figure')).map(imageOf);
    }
  }
  Gallery.blotName = 'gallery';
  Gallery.tagName = 'FIGURE';
  Gallery.className = 'gallery';

  // Registered last: a figure without a class (older texts) is an image figure
  class ImageFigure extends BlockEmbed {
    static create(image) {
      var node = super.create();
      node.setAttribute('contenteditable', 'false');
      var built = figureOf(image);
      while (built.firstChild) node.appendChild(built.firstChild);
      return node;
    }
    static value(node) {
      return imageOf(node);
    }
  }
  ImageFigure.blotName = 'imageFigure';
  ImageFigure.tagName = 'FIGURE';
  ImageFigure.className = 'image';

  Quill.register(EmbedFigure);
  Quill.register(Gallery);
  Quill.register(ImageFigure);

  // --- The page ---------------------------------------------------------------------

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
    if (quill.getText().trim() === '' && !quill.root.querySelector('figure')) return '';
    return quill.root.innerHTML.replace(/ contenteditable="false"/g, '');
  }

  // What Quill would lose: tables, pull quotes, rules, and images outside a figure
  function notKept(value) {
    var doc = new DOMParser().parseFromString(value, 'text/html');
    if (doc.querySelector('table, hr, sub, sup, cite, iframe, blockquote.pullquote, video, audio')) return true;
    return Array.from(doc.querySelectorAll('img')).some(function (img) {
      var holder = img.parentElement.tagName === 'PICTURE' ? img.parentElement.parentElement : img.parentElement;
      return !holder || holder.tagName !== 'FIGURE';
    });
  }

  function richMode() {
    if (notKept(field.value)) {
      note.textContent = text.textNotKept;
      htmlMode();
      return;
    }
    note.textContent = '';
    if (!quill) {
      surface.innerHTML = '';
      quill = new Quill(surface, {
        theme: 'snow',
        formats: formats,
        modules: {
          toolbar: {
            container: [[{ header: [2, 3, 4, false] }], ['bold', 'italic', 'link'],
              ['blockquote', { list: 'ordered' }, { list: 'bullet' }], ['clean'],
              ['place-image', 'place-gallery', 'place-embed']],
            handlers: {
              'place-image': function () { openImages(false); },
              'place-gallery': function () { openImages(true); },
              'place-embed': openEmbed
            }
          }
        }
      });
      quill.setContents(quill.clipboard.convert(field.value), 'silent');
      quill.on('text-change', function () { field.value = html(); });
      labelToolbar();
    } else {
      quill.setContents(quill.clipboard.convert(field.value), 'silent');
    }
    field.hidden = true;
    box.hidden = false;
    toggle.textContent = text.textAsHtml;
    toggle.onclick = htmlMode;
  }

  function htmlMode() {
    field.hidden = false;
    box.hidden = true;
    toggle.textContent = text.textBack;
    toggle.onclick = richMode;
  }

  function labelToolbar() {
    [['place-image', text.textImage], ['place-gallery', text.textGallery], ['place-embed', text.textEmbed]]
      .forEach(function (pair) {
        var button = box.parentNode.querySelector('.ql-' + pair[0]);
        if (button) {
          button.textContent = pair[1];
          button.classList.add('place');
        }
      });
  }

  function place(blot, value) {
    var range = quill.getSelection(true);
    var at = range ? range.index : quill.getLength();
    quill.insertEmbed(at, blot, value, 'user');
    quill.setSelection(at + 1, 0, 'silent');
  }

  // --- Dialogs ----------------------------------------------------------------------

  // The article's edition: the library offers that edition's captions, and an upload's
  // caption is that edition's words
  function edition() {
    var chosen = field.form && field.form.elements.namedItem('edition');
    return chosen ? chosen.value : '';
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function dialog(title) {
    var shell = element('dialog', 'place-dialog');
    var form = element('form', null);
    form.method = 'dialog';
    form.appendChild(element('h2', null, title));
    shell.appendChild(form);
    var close = element('button', 'secondary close', text.textCancel);
    close.type = 'button';
    close.addEventListener('click', function () { shell.close(); });
    shell.addEventListener('close', function () { shell.remove(); });
    document.body.appendChild(shell);
    return { shell: shell, form: form, close: close };
  }

  function labelled(form, id, label, input) {
    var l = element('label', null, label);
    l.htmlFor = id;
    input.id = id;
    form.appendChild(l);
    form.appendChild(input);
    return input;
  }

  function openImages(gallery) {
    var d = dialog(gallery ? text.textGallery : text.textImage);
    var search = labelled(d.form, 'place-search', text.textSearch, element('input'));
    search.type = 'search';
    var grid = element('ul', 'place-grid');
    d.form.appendChild(grid);
    var chosen = [];
    var status = element('p', 'hint', '');
    status.setAttribute('role', 'status');

    function show(images) {
      grid.replaceChildren();
      images.forEach(function (image) {
        var item = element('li');
        var pick = element('button', 'place-pick');
        pick.type = 'button';
        var img = element('img');
        img.src = image.thumb;
        img.alt = '';
        pick.appendChild(img);
        pick.appendChild(element('span', null, image.caption || ('#' + image.id)));
        pick.setAttribute('aria-pressed', 'false');
        pick.addEventListener('click', function () {
          if (!gallery) {
            d.shell.close();
            place('imageFigure', image);
            return;
          }
          var index = chosen.indexOf(image);
          if (index < 0) chosen.push(image); else chosen.splice(index, 1);
          pick.setAttribute('aria-pressed', String(index < 0));
          insert.disabled = chosen.length < 2;
        });
        item.appendChild(pick);
        grid.appendChild(item);
      });
    }

    function load() {
      fetch('/newsroom/editor/images?' + new URLSearchParams({ q: search.value, edition: edition() }), { credentials: 'same-origin' })
        .then(function (answer) { return answer.json(); })
        .then(function (json) { show(json.images); })
        .catch(function () { status.textContent = text.textFailed; });
    }
    var timer = null;
    search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(load, 200); });

    // A new image, uploaded from here, with its progress
    var fieldset = element('fieldset', 'place-upload');
    fieldset.appendChild(element('legend', null, text.textUpload));
    var file = labelled(fieldset, 'place-file', text.textFile, element('input'));
    file.type = 'file';
    file.accept = 'image/jpeg,image/png,image/webp';
    var caption = labelled(fieldset, 'place-caption', text.textCaption, element('input'));
    caption.maxLength = 500;
    var credit = labelled(fieldset, 'place-credit', text.textCredit, element('input'));
    credit.maxLength = 200;
    var progress = element('progress');
    progress.max = 100;
    progress.value = 0;
    progress.hidden = true;
    var send = element('button', 'secondary', text.textUploadButton);
    send.type = 'button';
    fieldset.appendChild(send);
    fieldset.appendChild(progress);
    d.form.appendChild(fieldset);
    send.addEventListener('click', function () {
      if (!file.files.length) { status.textContent = text.textChooseFile; return; }
      var data = new FormData();
      data.append('file', file.files[0]);
      data.append('edition', edition());
      data.append('caption', caption.value);
      data.append('credit', credit.value);
      var csrf = document.querySelector('form.editor input[name="' + text.csrfName + '"]');
      if (csrf) data.append(csrf.name, csrf.value);
      var request = new XMLHttpRequest();
      request.open('POST', '/newsroom/editor/images');
      request.responseType = 'json';
      progress.hidden = false;
      status.textContent = text.textUploading;
      request.upload.onprogress = function (event) {
        if (event.lengthComputable) progress.value = Math.round(100 * event.loaded / event.total);
      };
      request.onload = function () {
        progress.hidden = true;
        var json = request.response || {};
        if (request.status !== 200) { status.textContent = json.error || text.textFailed; return; }
        status.textContent = '';
        if (gallery) {
          chosen.push(json);
          insert.disabled = chosen.length < 2;
          load();
        } else {
          d.shell.close();
          place('imageFigure', json);
        }
      };
      request.onerror = function () { progress.hidden = true; status.textContent = text.textFailed; };
      request.send(data);
    });

    d.form.appendChild(status);
    var actions = element('p', 'place-actions');
    var insert = element('button', null, text.textInsertGallery);
    insert.type = 'button';
    insert.disabled = true;
    insert.addEventListener('click', function () { d.shell.close(); place('gallery', chosen); });
    if (gallery) actions.appendChild(insert);
    actions.appendChild(d.close);
    d.form.appendChild(actions);
    d.shell.showModal();
    load();
    search.focus();
  }

  function openEmbed() {
    var d = dialog(text.textEmbed);
    d.form.appendChild(element('p', 'hint', text.textEmbedHint));
    var url = labelled(d.form, 'place-url', text.textLink, element('input'));
    url.type = 'url';
    url.maxLength = 500;
    url.placeholder = 'https://';
    var status = element('p', 'field-error', '');
    status.setAttribute('role', 'alert');
    d.form.appendChild(status);
    var actions = element('p', 'place-actions');
    var insert = element('button', null, text.textInsert);
    insert.type = 'submit';
    actions.appendChild(insert);
    actions.appendChild(d.close);
    d.form.appendChild(actions);
    d.form.addEventListener('submit', function (event) {
      event.preventDefault();
      fetch('/newsroom/editor/embed?' + new URLSearchParams({ url: url.value }), { credentials: 'same-origin' })
        .then(function (answer) { return answer.json().then(function (json) { return { ok: answer.ok, json: json }; }); })
        .then(function (result) {
          if (!result.ok) { status.textContent = result.json.error; return; }
          d.shell.close();
          place('embedFigure', result.json);
        })
        .catch(function () { status.textContent = text.textFailed; });
    });
    d.shell.showModal();
    url.focus();
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
