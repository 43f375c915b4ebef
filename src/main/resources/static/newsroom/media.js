// The media library's focal point: a click on the picture fills in the point's percent
// from the left and the top, marks it, and shows the crop a teaser will make. Without
// JavaScript the two numbers are typed in.
(function () {
  'use strict';
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
      preview.className = 'fx-' + tens(px) + ' fy-' + tens(py);
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
