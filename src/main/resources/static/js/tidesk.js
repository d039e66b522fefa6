// Every page: htmx requests carry the CSRF token of the page; "print" buttons print.
// Kept in a file, not inline, so the Content-Security-Policy allows scripts from this site only.
document.addEventListener('htmx:configRequest', function (e) {
  var m = document.querySelector('meta[name=_csrf]');
  if (m) { e.detail.headers['X-CSRF-TOKEN'] = m.content; }
});
document.addEventListener('click', function (e) {
  var button = e.target.closest ? e.target.closest('[data-print]') : null;
  if (button) { window.print(); }
});
