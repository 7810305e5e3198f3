/* directory/search/ is where the directory's form sends its words without JavaScript. With it,
   go straight on to the directory, keeping the words and filters in the address. */
(function () {
  "use strict";
  var target = new URL("../", window.location.href);
  target.search = window.location.search;
  window.location.replace(target.href);
})();
