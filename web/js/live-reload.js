// 딥러닝 놀이터 — development mode only (PG_RELOAD=true or --dev): the page reloads itself once the teacher's
// edit to the course folder has been read, as `jekyll serve --livereload` does. The server links this file only
// in development mode; /course-version.json exists only then.
const POLL_MS = 500;
let seen = null;

function poll() {
  fetch('/course-version.json', { cache: 'no-store' })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (body) {
      if (body && seen !== null && body.version !== seen) {
        window.location.reload();
        return;
      }
      if (body) {
        seen = body.version;
      }
      setTimeout(poll, POLL_MS);
    })
    .catch(function () { setTimeout(poll, POLL_MS * 4); }); // the server restarts: try again, slower
}

poll();
