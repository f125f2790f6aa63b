/* Live preview (make devserver only): reload the page when the site has been rebuilt, and
   show the content problems of a failed rebuild on the page itself.

   tools/devserver.py writes _preview/build.json after every build: {"build": id,
   "problems": ["file:line: field: message Fix: ..."]}. Polling it once a second needs
   nothing but the static server Pelican already runs. */
(function () {
  "use strict";
  var script = document.currentScript;
  var source = script.getAttribute("data-build");
  var heading = script.getAttribute("data-heading");
  var seen = null;

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
        if (seen !== null && state.build !== seen && !state.problems.length) {
          window.location.reload();
          return;
        }
        seen = state.build;
        showProblems(state.problems);
      })
      .catch(function () { /* the server is restarting: try again */ })
      .then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
