// Progressive enhancement only: every page works without this file.
// "Copy link" is a plain link to the article; with a clipboard it copies instead.
document.addEventListener('click', function (event) {
  var link = event.target.closest('[data-copy-link]');
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  navigator.clipboard.writeText(link.href).then(function () {
    link.textContent = link.getAttribute('data-copied');
  });
});

// The reader's weather city (chosen on the weather page, kept in a cookie) replaces the
// edition's default in the sidebar. Pages stay the same for every reader; only this
// small fragment is the reader's own.
(function () {
  var slot = document.querySelector('[data-slot="weather"][data-city]');
  var match = document.cookie.match(/(?:^|;\s*)qalam_city=([a-z-]{1,32})(?:;|$)/);
  if (!slot || !match || match[1] === slot.getAttribute('data-city') || !window.fetch) return;
  fetch('/' + slot.getAttribute('data-edition') + '/widgets/weather/' + match[1], { credentials: 'omit' })
    .then(function (response) { return response.ok ? response.text() : null; })
    .then(function (html) {
      if (!html) return;
      var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-slot="weather"]');
      if (fresh) slot.replaceWith(fresh);
    })
    .catch(function () { /* the default city stays */ });
})();
