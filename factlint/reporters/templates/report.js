/* Filters: hide the cards whose rule family or severity is unchecked, and with them the
   timeline rows and document entries that belong only to hidden cards. The page is complete
   without this script; the filter form stays hidden when it does not run. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) {
    return;
  }
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-card]"));
  var dependents = Array.prototype.slice.call(document.querySelectorAll("[data-cards]"));
  var status = document.getElementById("filter-status");

  function checkedValues(name) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (input) {
      if (input.name === name && input.checked) {
        values[input.value] = true;
      }
    });
    return values;
  }

  function apply() {
    var families = checkedValues("family");
    var severities = checkedValues("severity");
    var visible = {};
    var shown = 0;
    cards.forEach(function (card) {
      var show = families[card.dataset.family] === true && severities[card.dataset.severity] === true;
      card.hidden = !show;
      if (show) {
        visible[card.id] = true;
        shown += 1;
      }
    });
    dependents.forEach(function (element) {
      element.hidden = !element.dataset.cards.split(" ").some(function (id) {
        return visible[id] === true;
      });
    });
    status.textContent = "Showing " + shown + " of " + cards.length + " conflicts.";
  }

  // Following a link to a place the filters hide shows it rather than jumping nowhere.
  function reveal() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.hidden) {
      target.hidden = false;
    }
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  window.addEventListener("hashchange", reveal);
  apply();
  reveal();
})();
