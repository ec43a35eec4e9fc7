/*
 * One training run over the websocket /ws/train (RUN-CONFIG.md): open, send {"type":"start","config":doc},
 * hand every server event to the caller, send {"type":"stop"} on request. A socket carries exactly one run.
 *
 * Exposes window.PgRunSocket.start(doc, handlers, view) where handlers are
 *   onEvent(event)   every parsed event: queued, started, summary, epoch, epochs, done, error, cancelled (and
 *                    points, grid with view "boundary")
 *   onClose(info)    once, {code, reason, unexpected}; unexpected is true when the socket closed before a
 *                    done, error or cancelled event and the page did not close it itself
 */
(function () {
  'use strict';

  var FINAL_EVENTS = { done: true, error: true, cancelled: true };

  function socketUrl() {
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return scheme + '//' + location.host + '/ws/train';
  }

  /**
   * view "boundary" asks for the points and grid events of a 2-D data set (omitted otherwise). The server only
   * upgrades a socket that carries the browser cookie it signed; a page older than a server restart holds a stale
   * one, so a socket refused before it opened asks /api/session for a fresh cookie and tries once more.
   */
  function start(doc, handlers, view) {
    var socket;
    var finished = false;
    var closedByPage = false;
    var stopRequested = false;
    var retried = false;

    function connect() {
      var opened = false;
      socket = new WebSocket(socketUrl());
      socket.addEventListener('open', function () {
        opened = true;
        var message = { type: 'start', config: doc };
        if (view) message.view = view;
        socket.send(JSON.stringify(message));
        if (stopRequested) socket.send(JSON.stringify({ type: 'stop' }));
      });
      socket.addEventListener('message', onMessage);
      socket.addEventListener('close', function (close) {
        if (!opened && !retried && !closedByPage) {
          retried = true;
          fetch('/api/session', { credentials: 'same-origin' }).then(connect, function () { reportClose(close); });
          return;
        }
        reportClose(close);
      });
    }

    function onMessage(message) {
      var event;
      try {
        event = JSON.parse(message.data);
      } catch (e) {
        return; /* not ours to show: the server only sends JSON */
      }
      if (!event || typeof event.type !== 'string') return;
      if (FINAL_EVENTS[event.type]) finished = true;
      handlers.onEvent(event);
      if (finished) {
        closedByPage = true;
        socket.close(1000, 'run finished');
      }
    }

    function reportClose(close) {
      handlers.onClose({
        code: close.code,
        reason: close.reason,
        unexpected: !finished && !closedByPage
      });
    }

    connect();

    /** Asks the server to cancel; it answers with a cancelled event. */
    function stop() {
      stopRequested = true;
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'stop' }));
    }

    /** Drops the socket without waiting for the server (the page is leaving or the run is abandoned). */
    function close() {
      closedByPage = true;
      if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) {
        socket.close(1000, 'closed by page');
      }
    }

    return { stop: stop, close: close };
  }

  window.PgRunSocket = { start: start, socketUrl: socketUrl };
})();
