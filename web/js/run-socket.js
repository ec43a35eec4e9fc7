/*
 * The run client: one training run over the websocket /ws/train (RUN-CONFIG.md). It opens the socket, sends
 * {"type":"start","config":doc}, hands every server event to onEvent while the run goes on, and settles one
 * promise when it ends. A socket carries exactly one run.
 *
 * openRun(doc, {view, onEvent}) → {finished, stop(), abandon()} where finished resolves (never rejects) to
 *   {state: "done" | "error" | "cancelled", event}   the run's last event, or
 *   {state: "cancelled", event: null}                 stop() got no answer within STOP_WAIT_MS, or abandon(), or
 *   {state: "disconnected", code, reason, unexpected, received}   the socket closed first; unexpected unless the
 *                                                     page closed it, received whether any event came
 * onEvent(event) sees queued, started, summary, epoch, epochs (and points, grid with view "boundary"), and the
 * final done, error or cancelled just before finished settles; nothing after it settled.
 *
 * A cluster's server (README, "The deployment that grows") names the run in a {"type":"run"} event and numbers its
 * events ("i"). If that socket drops before the run ends (its web process died or restarted), the client connects
 * again, through the router to any web process, and sends {"type":"resume","run":…,"last":…}: the run goes on from
 * the event after the last one it has, so onEvent sees every event once. A server without runs ids is never resumed.
 */
const FINAL_EVENTS = ['done', 'error', 'cancelled'];
/** How long stop() waits for the server's cancelled event before dropping the socket. */
const STOP_WAIT_MS = 5000;
/** Reconnections tried for one run, and the waits before them: inside the 10 s a cluster keeps an unfollowed run. */
const RESUME_DELAYS_MS = [250, 500, 750, 1000, 1000, 1000, 1000, 1000, 1000, 1000];

export function socketUrl() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return scheme + '//' + location.host + '/ws/train';
}

/**
 * view "boundary" asks for the points and grid events of a 2-D data set (omitted otherwise). The server only
 * upgrades a socket that carries the browser cookie it signed; a page older than a server restart holds a stale
 * one, so a socket refused before it opened asks /api/session for a fresh cookie and tries once more.
 */
export function openRun(doc, { view = null, onEvent = () => {} } = {}) {
  let socket;
  let settled = false;
  let closedByPage = false;
  let stopRequested = false;
  let retried = false;
  let received = false;
  let runId = null;
  let lastIndex = 0;
  let resumes = 0;
  let settle;
  const finished = new Promise((resolve) => { settle = resolve; });

  function end(outcome) {
    if (settled) return;
    settled = true;
    settle(outcome);
  }

  function connect() {
    let opened = false;
    socket = new WebSocket(socketUrl());
    socket.addEventListener('open', () => {
      opened = true;
      let message = { type: 'start', config: doc };
      if (runId) message = { type: 'resume', run: runId, last: lastIndex };
      else if (view) message.view = view;
      socket.send(JSON.stringify(message));
      if (stopRequested) send({ type: 'stop' });
    });
    socket.addEventListener('message', onMessage);
    socket.addEventListener('close', (close) => {
      if (runId && !settled && !closedByPage && resumes < RESUME_DELAYS_MS.length) {
        setTimeout(connect, RESUME_DELAYS_MS[resumes++]);
        return;
      }
      if (!opened && !retried && !closedByPage) {
        retried = true;
        fetch('/api/session', { credentials: 'same-origin' }).then(connect, () => closed(close));
        return;
      }
      closed(close);
    });
  }

  function onMessage(message) {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (e) {
      return; /* not ours to show: the server only sends JSON */
    }
    if (settled || !event || typeof event.type !== 'string') return;
    received = true;
    if (typeof event.i === 'number') lastIndex = Math.max(lastIndex, event.i);
    if (event.type === 'run') {
      runId = typeof event.run === 'string' ? event.run : null;
      return;
    }
    onEvent(event);
    if (!FINAL_EVENTS.includes(event.type)) return;
    end({ state: event.type, event });
    dropSocket('run finished');
  }

  function closed(close) {
    end({ state: 'disconnected', code: close.code, reason: close.reason, unexpected: !closedByPage, received });
  }

  function send(message) {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  function dropSocket(reason) {
    closedByPage = true;
    if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close(1000, reason);
  }

  /** Asks the server to cancel (it answers with a cancelled event); one that does not answer is dropped. */
  function stop() {
    stopRequested = true;
    send({ type: 'stop' });
    setTimeout(abandon, STOP_WAIT_MS);
  }

  /** Drops the socket without waiting for the server: the run ends as cancelled with no event. */
  function abandon() {
    if (settled) return;
    end({ state: 'cancelled', event: null });
    dropSocket('closed by page');
  }

  connect();
  return { finished, stop, abandon };
}
