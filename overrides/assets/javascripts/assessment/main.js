// Start-up of the self-assessment. Without JavaScript the page is the rubric to read and
// print, with the advice per characteristic and a link to the PDF; this module turns it into
// the self-assessment once its first render has succeeded. If anything goes wrong before that,
// the rubric stays and the page says what went wrong.
//
// Timings go to the browser's performance timeline (bench/assessment_page.py reads them):
// "assessment:first-render" from this module's start to the page being drawn, and the mark
// "assessment:painted" once the frame that shows it has been painted.

import { startAssessment } from "./app.js";

performance.mark("assessment:start");

function start() {
  const app = document.getElementById("assessment-app");
  try {
    const data = JSON.parse(document.getElementById("assessment-data").textContent);
    // The site's base path, as Material for MkDocs computes it for its own storage keys
    const basePath = new URL(app.dataset.base || ".", window.location.href).pathname;
    startAssessment(app, data, basePath);
  } catch (error) {
    failed(error);
    return;
  }
  for (const part of app.querySelectorAll(".assessment-js-only")) part.hidden = false;
  document.documentElement.classList.add("assessment-on"); // print shows the report, not the form
  performance.measure("assessment:first-render", "assessment:start");
  requestAnimationFrame(() => setTimeout(() => performance.mark("assessment:painted"), 0));
}

/** Keep the rubric, and say why the rest is missing. */
function failed(error) {
  document.documentElement.classList.remove("assessment-js");
  const message = document.getElementById("assessment-start-failed");
  message.querySelector("[data-error]").textContent = String(error && error.message ? error.message : error);
  message.hidden = false;
  console.warn("The self-assessment could not start:", error);
}

start();
