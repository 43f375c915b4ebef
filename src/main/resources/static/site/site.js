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
