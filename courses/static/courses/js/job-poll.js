/*
 * The page of a background job (certificate ZIP, evidence pack): fetch the
 * page again every data-poll-seconds and update its status part in place
 * until the file is ready; a change of status is announced to screen readers.
 */
(function () {
  "use strict";
  var status = document.getElementById("job-status");
  if (!status || !status.dataset.pollSeconds) { return; }
  var delay = parseInt(status.dataset.pollSeconds, 10) * 1000;

  function poll() {
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("job-status");
        var current = document.getElementById("job-status");
        if (!fresh || !current) { return; }
        if (fresh.dataset.state !== current.dataset.state) {
          document.getElementById("job-announcement").textContent =
            fresh.querySelector("[data-status-label]").textContent;
          current.dataset.state = fresh.dataset.state;
        }
        current.innerHTML = fresh.innerHTML;
        if (fresh.dataset.pollSeconds) { window.setTimeout(poll, delay); }
      })
      .catch(function () { window.setTimeout(poll, delay * 2); });
  }

  window.setTimeout(poll, delay);
})();
