// Progressive enhancement only: every page works without this file. It loads async, not
// defer: a deferred script waits for the style sheet and then runs in the task that lays
// the page out first, which holds up the first paint on a slow phone. Each part below
// runs once the document is parsed, as a task of its own, so none holds the main thread
// for long while the page is first shown.
function later(task) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { setTimeout(task, 0); });
  } else {
    setTimeout(task, 0);
  }
}

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
later(function () {
  var slot = document.querySelector('[data-slot="weather"][data-city]');
  if (!slot || !window.fetch) return;
  // document.cookie waits for the browser process; the Cookie Store API, where there is
  // one, does not hold up the page meanwhile
  if (window.cookieStore) {
    cookieStore.get('qalam_city').then(function (cookie) { if (cookie) show(cookie.value); }, function () {});
  } else {
    var match = document.cookie.match(/(?:^|;\s*)qalam_city=([^;]*)/);
    if (match) show(match[1]);
  }
  function show(city) {
    if (!/^[a-z-]{1,32}$/.test(city) || city === slot.getAttribute('data-city')) return;
    fetch('/' + slot.getAttribute('data-edition') + '/widgets/weather/' + city, { credentials: 'omit' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-slot="weather"]');
        if (fresh) slot.replaceWith(fresh);
      })
      .catch(function () { /* the default city stays */ });
  }
});

// Embeds arrive as placeholders: nothing is asked of YouTube, Telegram, X, Instagram or
// VK until the reader clicks; only then is the provider's frame created, from the address
// the newsroom stored (the page's policy allows those frames and no others). The article's
// text and a live blog's entries, also those that arrive later, hold them.
var qalamEmbeds = (function () {
  function placeholders(root) {
    var body = document.querySelector('.article-body[data-embed-load]');
    if (!body) return;
    root.querySelectorAll('figure.embed[data-embed-src]:not(.embed-ready)').forEach(function (figure) {
      var link = figure.querySelector('a');
      var name = link ? link.textContent : '';
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'embed-load';
      button.textContent = body.getAttribute('data-embed-load').replace('{0}', name);
      var note = document.createElement('p');
      note.className = 'embed-note';
      note.textContent = body.getAttribute('data-embed-note').replace(/\{0\}/g, name);
      figure.classList.add('embed-ready');
      figure.insertBefore(button, figure.firstChild);
      figure.insertBefore(note, button.nextSibling);
      button.addEventListener('click', function () {
        var frame = document.createElement('iframe');
        frame.src = figure.getAttribute('data-embed-src');
        frame.title = name;
        frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
        frame.allowFullscreen = true;
        frame.referrerPolicy = 'strict-origin-when-cross-origin';
        button.remove();
        note.remove();
        figure.classList.add('embed-loaded');
        figure.insertBefore(frame, figure.firstChild);
        frame.focus();
      });
    });
  }
  later(function () { placeholders(document); });
  return placeholders;
})();

// One view per page shown: the beacon carries the article's number and the host the
// reader came from (empty when typed or bookmarked), nothing else. A page opened in the
// background counts when it is first looked at; one kept by the browser's back button
// counts again when shown again.
later(function () {
  var article = document.querySelector('[data-views]');
  if (!article || !navigator.sendBeacon) return;
  var host = '';
  try { host = document.referrer ? new URL(document.referrer).hostname : ''; } catch (e) { /* none */ }
  var url = article.getAttribute('data-views') + '?r=' + encodeURIComponent(host);
  function send() {
    if (document.visibilityState !== 'visible') return false;
    navigator.sendBeacon(url);
    return true;
  }
  function whenShown() {
    if (send()) return;
    document.addEventListener('visibilitychange', function once() {
      if (send()) document.removeEventListener('visibilitychange', once);
    });
  }
  whenShown();
  window.addEventListener('pageshow', function (event) { if (event.persisted) whenShown(); });
});

// A live blog's new entries appear without reloading: while the page is shown, it asks
// every few seconds for the entries newer than its newest and puts them on top. Without
// this script the page is complete, and current when reloaded.
later(function () {
  var live = document.querySelector('[data-live-poll]');
  if (!live || !window.fetch) return;
  var list = live.querySelector('.live-entries');
  var status = live.querySelector('.live-status');
  var url = live.getAttribute('data-live-poll');
  var newest = live.getAttribute('data-live-newest') || '0';
  var every = Number(live.getAttribute('data-live-every')) || 10000;
  function schedule() { setTimeout(poll, every); }
  function poll() {
    if (document.visibilityState !== 'visible') { schedule(); return; }
    fetch(url + '?after=' + newest, { credentials: 'omit' })
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (html) {
        var box = document.createElement('template');
        box.innerHTML = html;
        var entries = box.content.querySelectorAll('.live-entry');
        var added = 0;
        for (var i = entries.length - 1; i >= 0; i--) {
          if (!document.getElementById(entries[i].id)) {
            list.insertBefore(entries[i], list.firstChild);
            added++;
          }
        }
        if (entries.length > 0) newest = entries[0].getAttribute('data-entry-id');
        qalamEmbeds(list);
        if (added > 0) {
          var empty = live.querySelector('.empty');
          if (empty) empty.remove();
          status.textContent = live.getAttribute('data-live-new').replace('{0}', added);
        }
        // the coverage ended: nothing more will come
        if (!box.content.querySelector('[data-live-ended]')) schedule();
      })
      .catch(schedule);
  }
  schedule();
});
