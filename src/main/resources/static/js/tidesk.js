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

// Live parts ([data-poll]: the bell, the queue, a request's news) ask again every few seconds, but
// not from a hidden tab, nor from one nobody has touched for a while: an abandoned workspace must
// still reach its session's idle timeout instead of being kept alive by its own polling.
(function () {
  var lastTouch = Date.now();
  ['keydown', 'mousedown', 'mousemove', 'touchstart', 'scroll'].forEach(function (type) {
    document.addEventListener(type, function () { lastTouch = Date.now(); }, { passive: true, capture: true });
  });
  function idleLimit() {
    var m = document.querySelector('meta[name=tidesk-idle-minutes]');
    var minutes = m ? parseInt(m.content, 10) : 30;
    return (isNaN(minutes) ? 30 : minutes) * 60 * 1000;
  }
  document.addEventListener('htmx:beforeRequest', function (e) {
    var source = e.detail.elt;
    if (!source || !source.hasAttribute || !source.hasAttribute('data-poll')) { return; }
    if (document.visibilityState === 'hidden' || Date.now() - lastTouch > idleLimit()) {
      e.preventDefault();
    }
  });
  // a hidden tab coming back asks at once rather than at its next beat
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && window.htmx) {
      lastTouch = Date.now();
      document.querySelectorAll('[data-poll]').forEach(function (el) { window.htmx.trigger(el, 'tidesk:wake'); });
    }
  });
})();
