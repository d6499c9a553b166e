// OrkWeb's script (no inline scripts: the Content-Security-Policy forbids them).
"use strict";

// Live monitoring: reload the table's rows every few seconds, unless the user is in the middle of a click.
document.addEventListener("DOMContentLoaded", () => {
  const table = document.getElementById("livecalls");
  if (!table || !table.dataset.refresh) {
    return;
  }
  const body = table.querySelector("tbody");
  const refresh = async () => {
    if (document.hidden || table.contains(document.activeElement)) {
      return;
    }
    try {
      const answer = await fetch(table.dataset.refresh, { credentials: "same-origin", cache: "no-store" });
      if (answer.ok) {
        body.innerHTML = await answer.text();
      } else if (answer.redirected || answer.status === 401) {
        window.location.reload();
      }
    } catch (e) {
      // the server is restarting: try again at the next tick
    }
  };
  setInterval(refresh, 3000);
});
