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

// Keyboard shortcuts of the workspace (the list is in the "?" dialog). They never fire while the
// agent types in a field or holds a modifier; Esc leaves the field. j/k walk a list's rows and,
// on a request opened from a list, go to the next or previous request of that list.
(function () {
  var LIST_KEY = 'tidesk.lastList';
  var pendingG = false;

  function typing(target) {
    if (!target) { return false; }
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-request-list] tbody tr'))
      .filter(function (r) { return r.querySelector('a.tid'); });
  }
  function rememberList() {
    var list = rows().map(function (r) { return r.querySelector('a.tid').getAttribute('href'); });
    if (list.length) { sessionStorage.setItem(LIST_KEY, JSON.stringify(list)); }
  }
  function select(list, index) {
    list.forEach(function (r) { r.classList.remove('kb-selected'); });
    var row = list[index];
    row.classList.add('kb-selected');
    row.scrollIntoView({ block: 'nearest' });
  }
  function walkList(step) {
    var list = rows();
    if (!list.length) { return false; }
    var current = list.findIndex(function (r) { return r.classList.contains('kb-selected'); });
    var next = current < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, current + step));
    select(list, next);
    return true;
  }
  function walkRequests(step) {
    var stored = sessionStorage.getItem(LIST_KEY);
    if (!stored) { return; }
    var list = JSON.parse(stored);
    var here = list.indexOf(location.pathname);
    var to = list[here + step];
    if (here >= 0 && to) { location.href = to; }
  }
  function click(id) {
    var el = document.getElementById(id);
    if (el) { el.click(); return true; }
    return false;
  }
  function focusReply(kindId) {
    var box = document.getElementById('reply-body');
    if (!box) { return; }
    click(kindId);
    box.focus();
  }

  var selectedHref = null;
  document.addEventListener('DOMContentLoaded', rememberList);
  // a live list that refreshed itself keeps the row the agent had selected
  document.addEventListener('htmx:beforeSwap', function () {
    var sel = document.querySelector('[data-request-list] tr.kb-selected a.tid');
    selectedHref = sel ? sel.getAttribute('href') : null;
  });
  document.addEventListener('htmx:afterSwap', function () {
    rememberList();
    if (!selectedHref) { return; }
    var list = rows();
    var i = list.findIndex(function (r) { return r.querySelector('a.tid').getAttribute('href') === selectedHref; });
    if (i >= 0) { list[i].classList.add('kb-selected'); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && typing(e.target)) { e.target.blur(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || !document.body.classList.contains('area-desk')) { return; }
    var help = document.getElementById('shortcuts');
    if (help && help.open) { return; }
    if (pendingG) {
      pendingG = false;
      if (e.key === 'q') { e.preventDefault(); location.href = document.querySelector('a.brand').getAttribute('href'); }
      return;
    }
    switch (e.key) {
      case 'j': case 'k':
        e.preventDefault();
        if (!walkList(e.key === 'j' ? 1 : -1)) { walkRequests(e.key === 'j' ? 1 : -1); }
        break;
      case 'Enter': case 'o':
        var selected = document.querySelector('[data-request-list] tr.kb-selected a.tid');
        // a focused button or link keeps its own Enter
        if (selected && (document.activeElement === document.body || !document.activeElement)) { e.preventDefault(); location.href = selected.getAttribute('href'); }
        break;
      case 'r': e.preventDefault(); focusReply('kind-reply'); break;
      case 'n': e.preventDefault(); focusReply('kind-note'); break;
      case 't': if (click('take')) { e.preventDefault(); } break;
      case 's':
        var status = document.getElementById('status-select');
        if (status) { e.preventDefault(); status.focus(); }
        break;
      case '/':
        var search = document.querySelector('.topsearch input');
        if (search) { e.preventDefault(); search.focus(); }
        break;
      case 'g': pendingG = true; setTimeout(function () { pendingG = false; }, 1500); break;
      case '?':
        if (help) { e.preventDefault(); help.showModal(); }
        break;
    }
  });
})();

// Canned replies in the reply box: "/" and a word offer the matching replies under the box; arrows
// and Enter (or a click) put the chosen one, filled with the request's values, in place of "/word".
(function () {
  var TOKEN = /(^|\s)\/([^\s\/]*)$/;
  var timer = null;

  function slot() { return document.getElementById('canned-picker'); }
  function options() { var s = slot(); return s ? Array.prototype.slice.call(s.querySelectorAll('.canned-option')) : []; }
  function close() { var s = slot(); if (s) { s.innerHTML = ''; } }
  function token(box) {
    var before = box.value.slice(0, box.selectionStart);
    var m = TOKEN.exec(before);
    return m ? { start: before.length - m[2].length - 1, end: box.selectionStart, word: m[2] } : null;
  }
  function offer(box) {
    var s = slot(), t = token(box);
    if (!s || !t) { close(); return; }
    clearTimeout(timer);
    timer = setTimeout(function () {
      fetch(s.getAttribute('data-pick') + '?q=' + encodeURIComponent(t.word), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : ''; })
        .then(function (html) {
          if (!token(box)) { return; }
          s.innerHTML = html;  // rendered and escaped by the server's template
          var first = s.querySelector('.canned-option');
          if (first) { first.classList.add('active'); }
        });
    }, 150);
  }
  function choose(option) {
    var box = document.getElementById('reply-body');
    var t = token(box);
    fetch(option.getAttribute('data-fill'), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (text) {
        if (text === null) { return; }
        var start = t ? t.start : box.selectionStart, end = t ? t.end : box.selectionStart;
        box.value = box.value.slice(0, start) + text + box.value.slice(end);
        box.selectionStart = box.selectionEnd = start + text.length;
        box.focus();
        close();
      });
  }
  document.addEventListener('input', function (e) {
    if (e.target && e.target.id === 'reply-body') { offer(e.target); }
  });
  document.addEventListener('click', function (e) {
    var option = e.target.closest ? e.target.closest('.canned-option') : null;
    if (option) { e.preventDefault(); choose(option); }
  });
  document.addEventListener('keydown', function (e) {
    if (!e.target || e.target.id !== 'reply-body') { return; }
    var list = options();
    if (!list.length && e.key !== 'Escape') { return; }
    var current = list.findIndex(function (o) { return o.classList.contains('active'); });
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      var next = Math.max(0, Math.min(list.length - 1, current + (e.key === 'ArrowDown' ? 1 : -1)));
      list.forEach(function (o) { o.classList.remove('active'); });
      list[next].classList.add('active');
    } else if (e.key === 'Enter' && current >= 0) {
      e.preventDefault();
      choose(list[current]);
    } else if (e.key === 'Escape' && slot() && slot().innerHTML.trim()) {
      // the first Esc closes the picker; the next one leaves the box
      e.stopPropagation();
      close();
    }
  }, true);
})();

// Bulk actions on the request list: "choose all" ticks the page, and only the field the chosen
// action needs is shown beside it.
(function () {
  var FIELDS = { ASSIGN: 'bulk-assignee', STATUS: 'bulk-status', URGENCY: 'bulk-urgency', NOTE: 'bulk-note' };
  function showField() {
    var action = document.getElementById('bulk-action');
    if (!action) { return; }
    Object.keys(FIELDS).forEach(function (k) {
      var el = document.getElementById(FIELDS[k]);
      if (el) { el.hidden = k !== action.value; el.disabled = k !== action.value; }
    });
  }
  document.addEventListener('DOMContentLoaded', showField);
  document.addEventListener('change', function (e) {
    if (e.target.id === 'bulk-action') { showField(); }
    if (e.target.id === 'bulk-all') {
      document.querySelectorAll('.bulk-pick').forEach(function (box) { box.checked = e.target.checked; });
    }
  });
})();

// The organization picker (fragments/org-picker): a choice fills the form's hidden id and the text
// box; typing anew clears the id until one is chosen; Esc or a click elsewhere closes the choices.
(function () {
  function picker(el) { return el && el.closest ? el.closest('.org-picker') : null; }
  function close(p) {
    var choices = p.querySelector('.org-picker-choices');
    if (choices) { choices.innerHTML = ''; }
    p.querySelector('.org-picker-text').setAttribute('aria-expanded', 'false');
  }
  document.addEventListener('click', function (e) {
    var pick = e.target.closest ? e.target.closest('.org-pick') : null;
    var p = picker(pick);
    if (pick && p) {
      p.querySelector('.org-picker-id').value = pick.getAttribute('data-id');
      p.querySelector('.org-picker-text').value = pick.textContent;
      close(p);
      return;
    }
    document.querySelectorAll('.org-picker').forEach(function (other) {
      if (!other.contains(e.target)) { close(other); }
    });
  });
  document.addEventListener('input', function (e) {
    var p = e.target.classList && e.target.classList.contains('org-picker-text') ? picker(e.target) : null;
    if (p) { p.querySelector('.org-picker-id').value = ''; }
  });
  // in the choices, the arrows move from one to the next (up from the first: back to the box), Esc closes
  document.addEventListener('keydown', function (e) {
    var pick = e.target.classList && e.target.classList.contains('org-pick') ? e.target : null;
    var p = picker(pick);
    if (!p) { return; }
    var picks = Array.prototype.slice.call(p.querySelectorAll('.org-pick'));
    var at = picks.indexOf(pick);
    var box = p.querySelector('.org-picker-text');
    if (e.key === 'ArrowDown' && at < picks.length - 1) { e.preventDefault(); picks[at + 1].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (at > 0 ? picks[at - 1] : box).focus(); }
    if (e.key === 'Escape') { e.preventDefault(); close(p); box.focus(); }
  });
  document.addEventListener('keydown', function (e) {
    var p = e.target.classList && e.target.classList.contains('org-picker-text') ? picker(e.target) : null;
    if (!p) { return; }
    var first = p.querySelector('.org-pick');
    if (e.key === 'Escape') { close(p); }
    if (e.key === 'ArrowDown' && first) { e.preventDefault(); first.focus(); }
    if (e.key === 'Enter' && first && !p.querySelector('.org-picker-id').value) {
      // Enter in the box takes the first choice, as a select would, instead of sending the form unfiltered
      e.preventDefault();
      first.click();
    }
  });
  document.addEventListener('htmx:afterSwap', function (e) {
    var p = picker(e.target);
    if (p) { p.querySelector('.org-picker-text').setAttribute('aria-expanded', p.querySelector('.org-pick') ? 'true' : 'false'); }
  });
})();
