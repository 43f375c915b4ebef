// A click on a suggested tag adds it to the comma-separated tags field.
// Without JavaScript the suggestions are a plain list to copy from.
document.addEventListener('click', function (event) {
  var button = event.target.closest('.tag-suggestion');
  if (!button) return;
  var field = document.getElementById('tags');
  var tags = field.value.split(',').map(function (t) { return t.trim(); }).filter(Boolean);
  if (tags.indexOf(button.dataset.tag) < 0) tags.push(button.dataset.tag);
  field.value = tags.join(', ');
});
