/* Live preview (make devserver only): reload the page when the site has changed, and show
   the content problems of a failed rebuild on the page itself.

   tools/devserver.py keeps _preview/build.json as {"build": id, "building": bool,
   "problems": ["file:line: field: message Fix: ..."], "warnings": [...]}: "build" changes
   when the output has changed with no problems (a good build has ended, or the page of a
   saved article was rendered first, while the rest is rebuilt). A page remembers the build
   it first sees and reloads once "build" changes with no problems; it shows the problems
   meanwhile, and the warnings of the good build it shows. Polling ten times a second (a
   file of a hundred bytes, from the local server) needs nothing but the static server, and
   sees a saved article's page within a tenth of a second of its writing. */
(function () {
  "use strict";
  var script = document.currentScript;
  var source = script.getAttribute("data-build");
  var heading = script.getAttribute("data-heading");
  var seen;  // the finished build this page belongs to; null: loaded during a build

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
        if (seen === undefined) {
          seen = state.build;
          // what the page has read, for whoever watches it (the live-preview test)
          document.documentElement.setAttribute("data-preview-build", String(seen));
        }
        if (state.build !== seen && !state.problems.length) {
          window.location.reload();  // the output changed: show it
          return;
        }
        showProblems(state.problems.concat(state.building ? [] : state.warnings || []));
      })
      .catch(function () { /* the server is restarting: try again */ })
      .then(function () { setTimeout(poll, 100); });
  }
  poll();
})();
