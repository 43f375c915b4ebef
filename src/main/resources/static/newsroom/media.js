// The media library's focal point: a click on the picture fills in the point's percent
// from the left and the top, marks it, and shows the crop a teaser will make. Without
// JavaScript the two numbers are typed in.
(function () {
  'use strict';

  // An upload shows its progress; the answer replaces the page as a plain submit would
  var upload = document.querySelector('form.upload');
  if (upload && window.XMLHttpRequest && window.FormData) {
    upload.addEventListener('submit', function (event) {
      event.preventDefault();
      var bar = upload.querySelector('progress');
      var status = upload.querySelector('.upload-status');
      var request = new XMLHttpRequest();
      request.open('POST', upload.action);
      bar.hidden = false;
      status.textContent = upload.dataset.textUploading;
      upload.querySelector('button[type=submit]').disabled = true;
      request.upload.onprogress = function (e) {
        if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total);
      };
      request.onload = function () {
        if (request.status < 400 && request.responseURL) {
          window.location.assign(request.responseURL);
        } else {
          document.open();
          document.write(request.responseText);
          document.close();
        }
      };
      request.onerror = function () { upload.submit(); };
      request.send(new FormData(upload));
    });
  }
  function tens(percent) { return Math.round(percent / 10) * 10; }

  document.querySelectorAll('.focus-picker').forEach(function (picker) {
    var form = document.getElementById(picker.dataset.for);
    if (!form) return;
    var x = form.elements.namedItem('x');
    var y = form.elements.namedItem('y');
    var preview = form.querySelector('.crop-preview img');
    var mark = document.createElement('span');
    mark.className = 'focus-mark';
    mark.setAttribute('aria-hidden', 'true');
    picker.appendChild(mark);

    function show() {
      var px = Math.min(100, Math.max(0, Number(x.value) || 0));
      var py = Math.min(100, Math.max(0, Number(y.value) || 0));
      mark.style.left = px + '%';
      mark.style.top = py + '%';
      // where teasers put it: to the nearest 10% (media.ImageView.focusClasses)
      preview.style.objectPosition = tens(px) + '% ' + tens(py) + '%';
    }
    picker.addEventListener('click', function (event) {
      var box = picker.querySelector('img').getBoundingClientRect();
      x.value = Math.round(100 * (event.clientX - box.left) / box.width);
      y.value = Math.round(100 * (event.clientY - box.top) / box.height);
      show();
      // the numbers and the crop they give, ready to save
      var folded = form.querySelector('details');
      if (folded) folded.open = true;
    });
    x.addEventListener('input', show);
    y.addEventListener('input', show);
    show();
  });
})();
