/*
 * Loaded by h5p-standalone inside each player's frame (its customJs hook):
 * H5P core saves the learner's state with H5P.jQuery.ajax and no CSRF
 * header, which Django would refuse. The token comes from the lesson page
 * around the frame, or from the CSRF cookie.
 */
(function () {
  "use strict";
  var token = null;
  try {
    var holder = window.frameElement && window.frameElement.closest("[data-h5p-csrf]");
    token = holder && holder.getAttribute("data-h5p-csrf");
  } catch (error) { token = null; }
  if (!token) {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    token = match && decodeURIComponent(match[1]);
  }
  if (token && window.H5P && window.H5P.jQuery) {
    window.H5P.jQuery.ajaxSetup({ headers: { "X-CSRFToken": token } });
  }
})();
