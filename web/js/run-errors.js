/*
 * How a run that could not finish is told: a bad document marks its field, any other error shows the banner (with
 * "다시 실행" when trying again later is the remedy), a dropped socket offers to reconnect, and a diverged run draws
 * its curve up to the explosion on a log axis, its progress naming the epoch.
 *
 * create({settings, banner, setStatus, lossChart, out (run-panel.js), setProgress}) → {runError(event),
 * disconnected(outcome), diverged(event, epochs, prefix)}.
 */
import { ERROR_TITLES, RESTARTED, RETRYABLE, divergedPoints } from './run-outcome.js';

export function create({ settings, banner, setStatus, lossChart, out, setProgress }) {
  function runError(event) {
    if (event.code === 'invalid_config') {
      settings.clearErrors();
      const target = settings.showFieldError(event.field, event.message);
      if (target && target.visible) target.input.focus();
      setStatus('설정에 오류가 있어 실행하지 않았습니다. 표시된 칸을 고치세요.');
      return;
    }
    if (event.field) settings.showFieldError(event.field, event.message);
    const readyTitle = event.code === 'shutting_down' ? RESTARTED : null;
    banner.show(ERROR_TITLES[event.code] || '실행 오류', event.message, RETRYABLE.includes(event.code), readyTitle);
    setStatus(ERROR_TITLES[event.code] || '실행하지 못했습니다.');
  }

  /** The socket closed before the run ended: a restart (or a dropped connection) offers to run again. */
  function disconnected(outcome) {
    if (!outcome.unexpected) return;
    if (outcome.received || outcome.code === 1012 || outcome.code === 1001) {
      banner.show(RESTARTED, '연결이 끊겨 훈련이 멈췄습니다. 다시 실행을 누르면 새로 연결합니다.', true);
    } else {
      banner.show('서버에 연결할 수 없습니다', '잠시 후 다시 실행을 눌러 주세요.', true);
    }
    setStatus('연결이 끊겼습니다.');
  }

  /** The diverged event, as it is played back: the banner comes with the run's end (runError). */
  function diverged(event, epochs, prefix) {
    lossChart.markDiverged();
    if (typeof event.epoch === 'number') lossChart.setEpochs(event.epoch); /* the x axis ends at the explosion */
    divergedPoints(event).forEach((p) => lossChart.addPoint(p.x, { loss: p.y }));
    out.axis.logScale.checked = true;
    lossChart.setLogScale(true);
    if (typeof event.epoch !== 'number') return;
    setProgress(event.epoch, epochs);
    out.progressLabel.textContent = prefix + '에포크 ' + event.epoch + ' / ' + epochs + '에서 발산했습니다';
  }

  return { runError, disconnected, diverged };
}
