// The teacher's live view: the server sends the "who is where" panel as it changes (server-sent
// events). Without JavaScript the page still works; it is only not live.
(function () {
  var live = document.getElementById("live");
  if (live && window.EventSource) {
    var source = new EventSource(live.getAttribute("data-events"));
    source.addEventListener("live", function (event) {
      live.innerHTML = JSON.parse(event.data).html;
    });
  }
  var print = document.querySelector("button.print");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
