/* "Is it right for me?": tick what applies, get a list to take to the appointment.
   Runs only in this page: nothing sent, nothing stored (no cookie, no storage); works
   offline and from file://; without JavaScript the boxes remain. Never gives a verdict. */
(function () {
  "use strict";
  var article = document.querySelector("article.md-content__inner");
  var callouts = article ? article.querySelectorAll(".hb-contraindication[id]") : [];
  if (!callouts.length) return;
  // The page's language: a translated page carries its words as JSON (handbook/i18n.py); English as written.
  var words = document.getElementById("hb-checklist-words");
  var WORDS = words ? JSON.parse(words.textContent) : {};
  function t(text) { return WORDS[text] || text; }

  var QUESTIONS = [
    "What does this mean for my treatment?",
    "Is there anything I should do, stop or wait for before a treatment?",
    "Which signs after a treatment mean I should contact you, and how do I reach you?"
  ].map(t);

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  // The list, after the last group of boxes.
  var panel = el("section", { "class": "hb-checklist", id: "hb-checklist", "aria-labelledby": "hb-checklist-title" });
  var list = el("div", { "class": "hb-checklist__list" });
  list.appendChild(el("h3", { id: "hb-checklist-title" }, t("Your list for your appointment")));
  var content = el("div");
  list.appendChild(content);
  var canonical = document.querySelector("link[rel=canonical]");
  list.appendChild(el("p", { "class": "hb-checklist__from" },
    t("From \u201c{title}\u201d: {address}").replace("{title}", document.title)
      .replace("{address}", canonical ? canonical.href : location.href)));
  panel.appendChild(list);
  panel.appendChild(el("p", { "class": "hb-checklist__privacy" },
    t("Only you see this list. It is not saved or sent anywhere, and it is gone when you close the page.")));
  var status = el("p", { "class": "hb-checklist__status", role: "status" });
  panel.appendChild(status);
  var print = el("button", { type: "button", "class": "md-button md-button--primary" }, t("Print my list"));
  panel.appendChild(print);
  var groups = article.querySelectorAll(".hb-contraindications");
  var last = groups[groups.length - 1];
  last.parentNode.insertBefore(panel, last.nextSibling);

  // A pointer to the list, above the links to each box.
  var intro = el("p", { "class": "hb-checklist-intro" },
    t("Tick \u201cThis applies to me\u201d on any box to make a private list to take to your appointment.") + " ");
  var jump = el("a", { href: "#hb-checklist" }, t("Go to your list"));
  intro.appendChild(jump);
  var first = article.querySelector(".hb-contraindication-links") || groups[0];
  (first.previousElementSibling || first).insertAdjacentElement("beforebegin", intro);

  // One tick box in each callout, under its title.
  var boxes = [];
  Array.prototype.forEach.call(callouts, function (callout) {
    var title = callout.querySelector(".admonition-title");
    var name = (title ? title.textContent : callout.id).trim();
    var label = el("label", { "class": "hb-checklist-tick" });
    var box = el("input", { type: "checkbox", autocomplete: "off", value: callout.id });
    box.dataset.condition = name;
    label.appendChild(box);
    label.appendChild(document.createTextNode(t("This applies to me, or I am not sure")));
    callout.appendChild(label);
    box.addEventListener("change", update);
    boxes.push(box);
  });

  function update() {
    var ticked = boxes.filter(function (box) { return box.checked; });
    content.textContent = "";
    if (!ticked.length) {
      content.appendChild(el("p", {}, t("Nothing ticked yet. Tick \u201cThis applies to me\u201d on any box above.")));
    } else {
      content.appendChild(el("h4", {}, t("Tell your practitioner about")));
      var tell = el("ul", { "class": "hb-checklist__tell" });
      ticked.forEach(function (box) { tell.appendChild(el("li", {}, box.dataset.condition)); });
      content.appendChild(tell);
      content.appendChild(el("h4", {}, t("Questions to ask")));
      var ask = el("ul", { "class": "hb-checklist__ask" });
      QUESTIONS.forEach(function (question) { ask.appendChild(el("li", {}, question)); });
      content.appendChild(ask);
    }
    status.textContent = ticked.length === 1 ? t("1 thing in your list.")
      : t("{count} things in your list.").replace("{count}", ticked.length);
  }

  print.addEventListener("click", function () {
    var root = document.documentElement;
    root.classList.add("hb-print-checklist");
    window.addEventListener("afterprint", function done() {
      root.classList.remove("hb-print-checklist");
      window.removeEventListener("afterprint", done);
    });
    window.print();
  });

  update();
})();
