// Chronicle article page: clicking a highlighted span (or an entry of the
// list beside the text) shows the evidence, resolved values and reason of
// the annotation it belongs to. No dependencies; works without a build.
"use strict";

(function () {
  const text = document.getElementById("article-text");
  if (!text) return;
  const hint = document.getElementById("panel-hint");
  let current = null;

  function show(id) {
    const detail = document.getElementById("d-" + id);
    if (!detail) return false;
    if (current) current.hidden = true;
    detail.hidden = false;
    current = detail;
    if (hint) hint.hidden = true;
    for (const el of text.querySelectorAll(".selected")) el.classList.remove("selected");
    for (const el of text.querySelectorAll("[data-ann]")) {
      if (el.dataset.ann.split(" ").includes(id)) el.classList.add("selected");
    }
    return true;
  }

  text.addEventListener("click", function (ev) {
    const span = ev.target.closest("[data-ann]");
    if (!span) return;
    // The innermost annotation comes first; clicking again cycles through
    // the others covering the same text.
    const ids = span.dataset.ann.split(" ");
    let next = ids[0];
    if (current) {
      const i = ids.indexOf(current.id.slice(2));
      if (i >= 0) next = ids[(i + 1) % ids.length];
    }
    show(next);
    history.replaceState(null, "", "#" + next);
  });

  document.addEventListener("click", function (ev) {
    const link = ev.target.closest("a.ann-link, .detail a[href^='#']");
    if (!link) return;
    const id = link.dataset.show || link.getAttribute("href").slice(1);
    if (show(id)) {
      ev.preventDefault();
      history.replaceState(null, "", "#" + id);
      const first = text.querySelector(".selected");
      if (first) first.scrollIntoView({ block: "center" });
    }
  });

  if (location.hash.length > 1) {
    const id = decodeURIComponent(location.hash.slice(1));
    if (show(id)) {
      const first = text.querySelector(".selected");
      if (first) first.scrollIntoView({ block: "center" });
    }
  }
})();
