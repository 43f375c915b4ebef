// The import's files sent as they are, with a progress bar: each chosen file goes to
// the server as the request's body and comes back as a name the form then carries.
// Without JavaScript the admin names files already on the server.
(function () {
  'use strict';
  var form = document.querySelector('form.import-start');
  if (!form || !window.XMLHttpRequest) return;
  var send = form.querySelector('.import-send');
  var bar = form.querySelector('progress');
  var status = form.querySelector('.import-status');
  var submit = form.querySelector('button[type=submit]');
  send.hidden = false;
  form.querySelectorAll('input[type=file]').forEach(function (picker) {
    picker.addEventListener('change', function () {
      var file = picker.files[0];
      if (!file) return;
      var target = document.getElementById(picker.dataset.for);
      var request = new XMLHttpRequest();
      request.open('POST', '/newsroom/import/files?kind=' + picker.dataset.kind);
      request.setRequestHeader('X-CSRF-TOKEN', form.dataset.csrf);
      request.setRequestHeader('Content-Type', 'application/octet-stream');
      bar.hidden = false;
      bar.value = 0;
      submit.disabled = true;
      status.textContent = form.dataset.textSending + ' ' + file.name;
      request.upload.onprogress = function (e) {
        if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total);
      };
      request.onload = function () {
        submit.disabled = false;
        if (request.status === 201) {
          target.value = request.responseText;
          status.textContent = file.name + ' ✓';
        } else {
          picker.value = '';
          status.textContent = form.dataset.textFailed + ' ' + request.responseText;
        }
      };
      request.onerror = function () {
        submit.disabled = false;
        picker.value = '';
        status.textContent = form.dataset.textFailed;
      };
      request.send(file);
    });
  });
})();
