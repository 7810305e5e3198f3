/* The menu button in the header (narrow screens): Material opens its drawer from a <label>, which
   a keyboard cannot reach. This swaps in a real button that opens and closes the drawer, moves focus
   into it, and closes it again with Escape or when focus leaves it. While the drawer is closed, CSS
   (site.css) hides it from keyboard and screen readers, with or without this script. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".ps-menu-button");
  var label = document.querySelector(".ps-menu-label");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  button.hidden = false;
  if (label) label.hidden = true;

  function set(open) {
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change")); // Material locks the page's scrolling
    }
    button.setAttribute("aria-expanded", String(open));
  }

  button.addEventListener("click", function () {
    var open = !toggle.checked;
    set(open);
    if (open) {
      var first = drawer.querySelector("a[href], button, input:not([type=checkbox]):not([type=radio])");
      if (first) first.focus();
    }
  });
  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(toggle.checked));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      set(false);
      button.focus();
    }
  });
  drawer.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (toggle.checked && next && !drawer.contains(next) && next !== button) set(false);
  });
})();
