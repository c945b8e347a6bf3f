// The evidence viewer's one script: selecting an item marks its passages; selecting a passage lists what
// cites it. Everything it shows is already in the page (the links work without it); it fetches nothing.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var panel = document.getElementById("selection");
  if (!text || !panel) { return; }
  var state = { anchors: [], index: 0, link: null };

  function piecesOf(anchor) {
    return text.querySelectorAll('a.ev[data-q~="' + CSS.escape(anchor) + '"]');
  }

  function clear() {
    text.querySelectorAll("a.ev.selected, a.ev.current").forEach(function (piece) {
      piece.classList.remove("selected", "current");
    });
    document.querySelectorAll("a.item[aria-current]").forEach(function (link) {
      link.removeAttribute("aria-current");
    });
    document.querySelectorAll(".entry.chosen").forEach(function (entry) { entry.classList.remove("chosen"); });
    state = { anchors: [], index: 0, link: null };
  }

  function mark(anchors) {
    anchors.forEach(function (anchor) {
      piecesOf(anchor).forEach(function (piece) { piece.classList.add("selected"); });
    });
  }

  function show(index) {
    if (!state.anchors.length) { return; }
    state.index = (index + state.anchors.length) % state.anchors.length;
    text.querySelectorAll("a.ev.current").forEach(function (piece) { piece.classList.remove("current"); });
    var pieces = piecesOf(state.anchors[state.index]);
    pieces.forEach(function (piece) { piece.classList.add("current"); });
    if (pieces.length) { pieces[0].scrollIntoView({ block: "start" }); }
    var position = panel.querySelector(".position");
    if (position) {
      position.textContent = "passage " + (state.index + 1) + " of " + state.anchors.length;
    }
  }

  function button(label, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.textContent = label;
    element.addEventListener("click", action);
    return element;
  }

  function open(title, body, withSteps) {
    panel.replaceChildren();
    var heading = document.createElement("h2");
    heading.textContent = title;
    panel.appendChild(heading);
    if (body) { panel.appendChild(body); }
    var controls = document.createElement("div");
    controls.className = "controls";
    if (withSteps) {
      var position = document.createElement("span");
      position.className = "position";
      controls.appendChild(button("Previous", function () { show(state.index - 1); }));
      controls.appendChild(button("Next", function () { show(state.index + 1); }));
      controls.appendChild(position);
    }
    controls.appendChild(button("Clear", dismiss));
    panel.appendChild(controls);
    panel.hidden = false;
  }

  function dismiss() {
    // Clears the selection and the address that names it, so that a reload does not select it again.
    clear();
    panel.hidden = true;
    if (location.hash) { history.replaceState(null, "", location.pathname + location.search); }
  }

  function selectItem(entry) {
    var link = entry.querySelector("a.item");
    if (!link) { return; }
    clear();
    var anchors = (link.getAttribute("data-q") || "").split(" ").filter(Boolean);
    state = { anchors: anchors, index: 0, link: link };
    link.setAttribute("aria-current", "true");
    entry.classList.add("chosen");
    mark(anchors);
    var label = link.textContent.replace(/\s+/g, " ").trim();
    var note = document.createElement("p");
    note.textContent = anchors.length ? anchors.length + " passage(s) marked in the text." : "No passage placed.";
    open(label, note, anchors.length > 0);
    panel.focus({ preventScroll: true });
    show(0);
    history.replaceState(null, "", "#" + entry.id);
  }

  function selectPassage(piece) {
    clear();
    var anchors = (piece.getAttribute("data-q") || "").split(" ").filter(Boolean);
    state = { anchors: anchors, index: 0, link: null };
    mark(anchors);
    piece.classList.add("current");
    var list = document.createElement("ul");
    var seen = {};
    anchors.forEach(function (anchor) {
      var entry = document.getElementById("cites-" + anchor);
      if (!entry) { return; }
      entry.querySelectorAll(".citers > li").forEach(function (citer) {
        var key = citer.textContent;
        if (seen[key]) { return; }
        seen[key] = true;
        list.appendChild(citer.cloneNode(true));
      });
    });
    open("Cited by", list, false);
    panel.focus({ preventScroll: true });
  }

  function follow(hash) {
    var target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (!target) { return false; }
    if (target.classList.contains("entry")) { selectItem(target); return true; }
    if (target.classList.contains("anchor")) {
      // A passage named by the address (a numbered link, the index): mark it alone.
      clear();
      panel.hidden = true;
      state = { anchors: [target.id], index: 0, link: null };
      mark(state.anchors);
      show(0);
    }
    return false;
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
      return;
    }
    var link = event.target.closest("a");
    if (!link) { return; }
    if (link.classList.contains("item")) {
      event.preventDefault();
      selectItem(link.closest(".entry"));
    } else if (link.classList.contains("ev")) {
      event.preventDefault();
      selectPassage(link);
    } else if (link.hash && link.pathname === location.pathname && follow(link.hash)) {
      event.preventDefault();
    }
  });

  document.addEventListener("keydown", function (event) {
    var typing = event.target.closest && event.target.closest("input, textarea, select");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "Escape") { dismiss(); }
    else if (event.key === " " && event.target.matches && event.target.matches("a.item, a.ev")) {
      // Space activates a selectable item or passage as Enter does, instead of scrolling the page.
      event.preventDefault();
      event.target.click();
    }
    else if (event.key === "n" && state.anchors.length) { show(state.index + 1); }
    else if (event.key === "p" && state.anchors.length) { show(state.index - 1); }
  });

  window.addEventListener("hashchange", function () { follow(location.hash); });
  follow(location.hash);
})();
