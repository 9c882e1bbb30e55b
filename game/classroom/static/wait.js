// The teacher's pause: ask every few seconds whether the class may go on, and go on when it may.
// Without JavaScript the page refreshes itself (a <noscript> refresh) and has a "Check now" link.
(function () {
  var main = document.getElementById("main");
  var url = main && main.getAttribute("data-wait");
  if (!url) { return; }
  var every = 1000 * Number(main.getAttribute("data-seconds") || 5);
  function again() { setTimeout(ask, every); }
  function ask() {
    if (!window.fetch) { window.location.reload(); return; }
    fetch(url, { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (state) { if (state.waiting) { again(); } else { window.location.assign("/play"); } })
      .catch(again);
  }
  again();
})();
