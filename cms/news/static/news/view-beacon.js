/* Count this page view with one small POST, so that views count even when the page itself
   came from a cache or a CDN. The server keeps one view per reader per article per day. */
(function () {
  "use strict";
  var article = document.querySelector("[data-view-beacon]");
  if (!article) { return; }
  var url = article.getAttribute("data-view-beacon");
  var sent = false;
  function send() {
    if (sent || document.visibilityState !== "visible") { return; }
    sent = true;
    if (navigator.sendBeacon && navigator.sendBeacon(url)) { return; }
    if (window.fetch) { fetch(url, { method: "POST", credentials: "same-origin", keepalive: true }); }
  }
  send();
  // A page opened in a background tab counts once it is actually shown.
  document.addEventListener("visibilitychange", send);
})();
