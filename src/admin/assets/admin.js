// Progressive enhancement for the story editor: live Markdown preview and
// autosave. Every page works without it; this file only adds convenience.
(function () {
  'use strict';
  var form = document.querySelector('form[data-editor]');
  if (!form) return;
  var body = form.querySelector('#f-body');
  var preview = document.getElementById('live-preview');
  var status = document.getElementById('autosave-status');
  var csrf = form.querySelector('input[name="_csrf"]').value;
  var previewUrl = form.getAttribute('data-preview-url');
  var autosaveUrl = form.getAttribute('data-autosave-url');
  var timer = null;
  var dirty = false;

  function post(url, data) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf },
      body: new URLSearchParams(data).toString(),
    });
  }

  function refreshPreview() {
    if (!preview || !body) return;
    post(previewUrl, { body: body.value }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      // the server renders and sanitizes with the public page's own code
      if (html !== null) preview.innerHTML = html;
    }).catch(function () {});
  }

  if (body) {
    body.addEventListener('input', function () {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(refreshPreview, 400);
    });
    refreshPreview();
  }
  form.addEventListener('input', function () { dirty = true; });
  form.addEventListener('submit', function () { dirty = false; });

  if (autosaveUrl) {
    setInterval(function () {
      if (!dirty) return;
      dirty = false;
      var data = {};
      ['title', 'dek', 'excerpt', 'body'].forEach(function (n) {
        var el = form.querySelector('[name="' + n + '"]');
        if (el) data[n] = el.value;
      });
      post(autosaveUrl, data).then(function (r) {
        if (status) status.textContent = r.ok ? 'Autosaved at ' + new Date().toLocaleTimeString() : 'Autosave failed; save the story to keep your changes.';
      }).catch(function () {
        if (status) status.textContent = 'Autosave failed; save the story to keep your changes.';
      });
    }, 15000);
  }
})();
