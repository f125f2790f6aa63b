/* Live preview (make devserver only): reload the page when the site has been rebuilt, and
   show the content problems of a failed rebuild on the page itself.

   tools/devserver.py writes _preview/build.json after every build: {"build": id,
   "problems": ["file:line: field: message Fix: ..."]}, and every page carries the id of the
   build that wrote it, so a page older than the last good build reloads, whenever it asks.
   Polling once a second needs nothing but the static server Pelican already runs. */
(function () {
  "use strict";
  var script = document.currentScript;
  var source = script.getAttribute("data-build");
  var heading = script.getAttribute("data-heading");
  var pageBuild = script.getAttribute("data-page-build");  // the build this page comes from

  function showProblems(problems) {
    var old = document.getElementById("preview-problems");
    if (old) old.remove();
    if (!problems.length) return;
    var box = document.createElement("section");
    box.id = "preview-problems";
    box.className = "preview-problems";
    box.setAttribute("role", "alert");
    var title = box.appendChild(document.createElement("h2"));
    title.textContent = heading;
    var list = box.appendChild(document.createElement("ul"));
    problems.forEach(function (problem) {
      list.appendChild(document.createElement("li")).textContent = problem;
    });
    document.body.insertBefore(box, document.body.firstChild);
  }

  function poll() {
    fetch(source, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) return;
        if (state.build !== pageBuild && !state.problems.length) {
          window.location.reload();  // a newer good build: show it
          return;
        }
        showProblems(state.problems);
      })
      .catch(function () { /* the server is restarting: try again */ })
      .then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
