/* Live preview (make devserver only): reload the page when the site has been rebuilt, and
   show the content problems of a failed rebuild on the page itself.

   tools/devserver.py writes _preview/build.json when a build starts ({"build": id,
   "building": true}) and when it ends ({"build": id, "building": false, "problems":
   ["file:line: field: message Fix: ..."], "warnings": [...]}): warnings show on the pages
   of a good build, problems on those of the last good build. A page remembers the finished build it first
   sees and reloads once a later build has finished without problems; a page loaded while a
   build was running reloads when that build has finished. Pages carry no build id, so a
   rebuild leaves the pages it did not change as they were. Polling once a second needs
   nothing but the static server Pelican already runs. */
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
          seen = state.building ? null : state.build;
          // what the page has read, for whoever watches it (the live-preview test)
          document.documentElement.setAttribute("data-preview-build", String(seen));
        }
        if (state.building) return;
        if (state.build !== seen && !state.problems.length) {
          window.location.reload();  // a newer good build: show it
          return;
        }
        showProblems(state.problems.concat(state.warnings || []));
      })
      .catch(function () { /* the server is restarting: try again */ })
      .then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
